namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// A local Crossref replica for the essay's works cited (bib/luchs-2023-ai-for-all.txt): the records of the works that
/// have a DOI, as Crossref lists them (titles with their own subtitles and capitalisation, edited volumes without an
/// author), and distractors of the kinds that trip matchers — a review of the book, the same author's other work,
/// the same title in another year or venue, the chapter beside its book, near-identical titles. Written by hand,
/// without a network: the DOIs are written from memory and may differ in detail from the registered ones; what is
/// measured is the matcher on this replica, not Crossref's index.
/// </summary>
public static class EssayCrossref
{
    /// <summary>The gold entry (tests/CiteWeb.Core.Tests/PlainText/Gold, by id) and the DOI of the work it cites. The
    /// other 29 entries (web pages, press, talks, trade books, a report) have none and must get none.</summary>
    public static readonly Dictionary<string, string> Truth = new()
    {
        ["line-15"] = "10.14361/9783839447192-011",            // Burkhardt, chapter in Sudmann (ed.)
        ["line-17"] = "10.21606/drs.2018.679",                 // Costanza-Chock, DRS 2018
        ["line-21"] = "10.7551/mitpress/11805.001.0001",       // D'Ignazio and Klein, Data Feminism
        ["line-25"] = "10.2307/j.ctvj4sxc6",                   // Dyer-Witheford et al., Inhuman Power
        ["line-43"] = "10.21428/8f7503e4",                     // Ito, Resisting Reduction
        ["line-47"] = "10.1177/20539517231153806",             // Luchs et al., Learning Machine Learning
        ["line-65"] = "10.7551/mitpress/13835.003.0015",       // Srnicek, Data, Compute, Labor
        ["line-71"] = "10.14361/9783839447192",                // Sudmann (ed.), The Democratization of AI
        ["line-73"] = "10.7208/chicago/9780226192444.001.0001", // Tkacz
        ["line-75"] = "10.1215/0961754X-1630424",              // Tsing, On Nonscalability
        ["line-77"] = "10.7208/chicago/9780226817439.001.0001", // Turner, From Counterculture to Cyberculture
        ["line-81"] = "10.1093/acprof:oso/9780199970773.001.0001", // van Dijck
        ["line-83"] = "10.16997/book55.a",                     // Verdegem, Introduction
        ["line-85"] = "10.1007/s00146-022-01437-8",            // Verdegem, Dismantling AI Capitalism
    };

    private static ScholarlyServer.Work W(string doi, string title, string? family, int year, string type, string? container = null, string? subtitle = null) =>
        new(doi, title, family, year, container, subtitle, type);

    public static readonly ScholarlyServer.Work[] Works =
    [
        // The works cited that have a DOI.
        W("10.14361/9783839447192-011", "Mapping the Democratization of AI on GitHub", "Burkhardt", 2019, "book-chapter", "The Democratization of Artificial Intelligence", "A First Approach"),
        W("10.21606/drs.2018.679", "Design Justice: towards an intersectional feminist framework for design theory and practice", "Costanza-Chock", 2018, "proceedings-article", "Design as a catalyst for change - DRS International Conference 2018"),
        W("10.7551/mitpress/11805.001.0001", "Data Feminism", "D'Ignazio", 2020, "book"),
        W("10.2307/j.ctvj4sxc6", "Inhuman Power", "Dyer-Witheford", 2019, "book", null, "Artificial Intelligence and the Future of Capitalism"),
        W("10.21428/8f7503e4", "Resisting Reduction: A Manifesto", "Ito", 2018, "journal-article", "Journal of Design and Science"),
        W("10.1177/20539517231153806", "Learning machine learning: On the political economy of big tech's online AI courses", "Luchs", 2023, "journal-article", "Big Data & Society"),
        W("10.7551/mitpress/13835.003.0015", "Data, Compute, Labor", "Srnicek", 2022, "book-chapter", "Digital Work in the Planetary Market"),
        W("10.14361/9783839447192", "The Democratization of Artificial Intelligence", null, 2019, "edited-book", null, "Net Politics in the Era of Learning Algorithms"),
        W("10.7208/chicago/9780226192444.001.0001", "Wikipedia and the Politics of Openness", "Tkacz", 2015, "book"),
        W("10.1215/0961754X-1630424", "On Nonscalability: The Living World Is Not Amenable to Precision-Nested Scales", "Tsing", 2012, "journal-article", "Common Knowledge"),
        W("10.7208/chicago/9780226817439.001.0001", "From Counterculture to Cyberculture", "Turner", 2006, "book", null, "Stewart Brand, the Whole Earth Network, and the Rise of Digital Utopianism"),
        W("10.1093/acprof:oso/9780199970773.001.0001", "The Culture of Connectivity", "van Dijck", 2013, "book", null, "A Critical History of Social Media"),
        W("10.16997/book55.a", "Introduction: Why We Need Critical Perspectives on AI", "Verdegem", 2021, "book-chapter", "AI for Everyone?"),
        W("10.1007/s00146-022-01437-8", "Dismantling AI capitalism: the commons as an alternative to the power concentration of Big Tech", "Verdegem", 2022, "journal-article", "AI & SOCIETY"),

        // A review of the book: same title, another author (the reviewer), a year or two later.
        W("10.5555/review.oneil", "Weapons of Math Destruction: How Big Data Increases Inequality and Threatens Democracy", "Rhea", 2017, "journal-article", "Journal of Information Policy"),
        W("10.5555/review.benjamin", "Race After Technology: Abolitionist Tools for the New Jim Code", "Daniels", 2020, "journal-article", "Social Forces"),
        W("10.5555/review.eubanks", "Automating Inequality: How High-Tech Tools Profile, Police, and Punish the Poor", "Mason", 2018, "journal-article", "Surveillance & Society"),
        W("10.5555/review.dignazio", "Data Feminism", "Gieseking", 2020, "journal-article", "Feminist Review"),
        W("10.5555/review.turner", "From Counterculture to Cyberculture: Stewart Brand, the Whole Earth Network, and the Rise of Digital Utopianism", "Ensmenger", 2007, "journal-article", "Technology and Culture"),
        // The same title, another year and venue: a republication, and an earlier version.
        W("10.1080/09505439609526455", "The californian ideology", "Barbrook", 1996, "journal-article", "Science as Culture"),
        W("10.1007/s12130-999-1026-0", "The cathedral and the bazaar", "Raymond", 1999, "journal-article", "Knowledge, Technology & Policy"),
        // The same author's other work.
        W("10.1215/22011919-3610012", "Unruly Edges: Mushrooms as Companion Species", "Tsing", 2012, "journal-article", "Environmental Humanities"),
        W("10.7551/mitpress/12255.001.0001", "Design Justice", "Costanza-Chock", 2020, "book", null, "Community-Led Practices to Build the Worlds We Need"),
        W("10.24908/ss.v12i2.4776", "Datafication, dataism and dataveillance: Big Data between scientific paradigm and ideology", "van Dijck", 2014, "journal-article", "Surveillance & Society"),
        W("10.5555/ito.designing", "Resisting Reduction: Designing our Complex Future with Machines", "Ito", 2017, "posted-content"),
        W("10.5555/luchs.other", "Machine learning for all? Democratization as platform strategy", "Luchs", 2022, "journal-article", "Digital Culture & Society"),
        W("10.5555/srnicek.platform", "Platform Capitalism", "Srnicek", 2017, "book"),
        W("10.5555/verdegem.ai-capitalism", "AI Capitalism and the Commons", "Verdegem", 2021, "book-chapter", "AI for Everyone?"),
        // The chapter beside its book, and the book beside its chapters.
        W("10.16997/book55", "AI for Everyone?", null, 2021, "edited-book", null, "Critical Perspectives"),
        W("10.14619/1457", "Pattern Discrimination", null, 2018, "edited-book"),
        W("10.14361/9783839447192-002", "Introduction", "Sudmann", 2019, "book-chapter", "The Democratization of Artificial Intelligence"),
        W("10.7551/mitpress/13835.001.0001", "Digital Work in the Planetary Market", null, 2022, "edited-book"),
        // Near-identical titles by others.
        W("10.5555/near.californian", "The Californian Ideology Revisited", "Turner", 2018, "journal-article", "Internet Histories"),
        W("10.5555/near.democratization", "The Democratization of Artificial Intelligence in Education", "Holmes", 2019, "journal-article", "Learning, Media and Technology"),
        W("10.5555/near.political-economy", "The Political Economy of Artificial Intelligence", "Dyer-Witheford", 2021, "journal-article", "Capital & Class"),
        W("10.5555/near.machine-politics", "Machine Politics", "Pasquale", 2019, "journal-article", "Law and Political Economy"),
        W("10.5555/near.wikipedia", "Wikipedia and the Politics of Mass Collaboration", "Konieczny", 2010, "journal-article", "Journal of Communication"),
        W("10.5555/near.culture", "The Culture of Connectivity and Its Critics", "Helmond", 2014, "journal-article", "New Media & Society"),
        W("10.5555/near.hugging", "Hugging Face", "Wolf", 2023, "posted-content"),
        W("10.5555/near.inhuman", "Inhuman Power and Its Discontents", "Steinhoff", 2021, "journal-article", "Science & Society"),
    ];

    public static readonly HashSet<string> Registered = new(Works.Select(w => w.Doi), StringComparer.OrdinalIgnoreCase);
}
