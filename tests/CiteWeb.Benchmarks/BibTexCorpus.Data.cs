namespace CiteWeb.Benchmarks;

// The tables BibTexCorpus draws from. Arrays only, so that the output depends on the seed alone.
public static partial class BibTexCorpus
{
    private static readonly (string Name, string Value)[] Macros =
    [
        ("jmlr", "\"Journal of Machine Learning Research\""),
        ("bds", "\"Big Data {\\&} Society\""),
        ("aisoc", "{{AI} {\\&} Society}"),
        ("nmi", "\"Nature Machine Intelligence\""),
        ("cacm", "\"Communications of the {ACM}\""),
        ("tacl", "\"Transactions of the Association for Computational Linguistics\""),
        ("nms", "\"New Media \" # \"{\\&} Society\""),
        ("mitpress", "\"{MIT} Press\""),
        ("cup", "\"Cambridge University Press\""),
        ("oup", "{Oxford University Press}"),
        ("pup", "\"Princeton University Press\""),
        ("acm", "\"Association for Computing Machinery\""),
        ("springer", "\"Springer\""),
        ("facct", "\"{ACM} Conference on Fairness, Accountability, and Transparency\""),
        ("cambridgema", "\"Cambridge, MA\""),
        ("newyork", "\"New York, NY\""),
    ];

    private static readonly string[] JournalMacros = ["jmlr", "bds", "aisoc", "nmi", "cacm", "tacl", "nms"];

    private static readonly string[] JournalLiterals =
    [
        "Science, Technology, {\\&} Human Values",
        "Social Studies of Science",
        "Information, Communication {\\&} Society",
        "Philosophy {\\&} Technology",
        "Zeitschrift f{\\\"u}r Medienwissenschaft",
        "Revue d'anthropologie des connaissances",
        "Journal of Cultural Analytics",
        "Catalyst: Feminism, Theory, Technoscience",
        "{IEEE} Transactions on Pattern Analysis and Machine Intelligence",
        "Surveillance {\\&} Society",
        "Internet Policy Review",
        "Cahiers d'{\\'E}tudes africaines",
    ];

    private static readonly string[] PublisherMacros = ["mitpress", "cup", "oup", "pup", "acm", "springer"];

    private static readonly string[] PublisherLiterals =
    [
        "Verso", "Polity", "Duke University Press", "University of Minnesota Press", "Yale University Press",
        "NYU Press", "transcript Verlag", "meson press", "Suhrkamp", "{\\'E}ditions La D{\\'e}couverte",
        "Crown", "Basic Books", "PublicAffairs", "Routledge", "{W. W. Norton {\\&} Company}",
    ];

    private static readonly string[] AddressMacros = ["cambridgema", "newyork"];

    private static readonly string[] Places =
    [
        "London", "Durham, NC", "Minneapolis", "Berlin", "L{\\\"u}neburg", "Bielefeld", "Paris",
        "Princeton, NJ", "New Haven, CT", "Oxford", "Cambridge, MA", "New York", "Z{\\\"u}rich",
        "Montr\\'{e}al", "S{\\~a}o Paulo", "København", "Kraków",
    ];

    private static readonly string[] Editions = ["2", "Second", "3rd", "Revised", "10th Anniversary"];

    private static readonly string[] Booktitles =
    [
        "Proceedings of the 2021 {ACM} Conference on Fairness, Accountability, and Transparency",
        "Proceedings of the {AAAI/ACM} Conference on {AI}, Ethics, and Society ({AIES})",
        "Advances in Neural Information Processing Systems",
        "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
        "Proceedings of the {CHI} Conference on Human Factors in Computing Systems",
        "Proceedings of the 1st Conference on Fairness, Accountability and Transparency",
        "International Conference on Learning Representations ({ICLR})",
        "{CSCW} '19: Companion Publication",
    ];

    private static readonly string[] Institutions =
    [
        "{AI} Now Institute", "Data {\\&} Society Research Institute", "Universit{\\\"a}t Siegen",
        "University of Amsterdam", "Massachusetts Institute of Technology", "Leuphana Universit{\\\"a}t L{\\\"u}neburg",
        "Universit\\'{e} de Montr\\'{e}al", "Technische Universität München", "Stanford University",
        "University of Oxford, Internet Institute", "Humboldt-Universit{\\\"a}t zu Berlin",
    ];

    private static readonly string[] ReportPrefixes = ["TR", "WP", "MSR-TR", "CS", "AINOW"];

    private static readonly string[] Organisations =
    [
        "Google DeepMind", "{AI} Now Institute", "European Commission", "Partnership on {AI}", "OpenAI",
        "Data {\\&} Society Research Institute", "World Health Organization", "Algorithmic Justice League",
        "High-Level Expert Group on Artificial Intelligence", "{UNESCO}", "Deutscher Ethikrat",
        "National Institute of Standards and Technology", "Ada Lovelace Institute",
    ];

    private static readonly string[] HowPublished =
    [
        "Blog post", "Keynote address", "Podcast episode", "Zenodo", "Preprint", "Talk at re:publica",
    ];

    private static readonly (string Particle, string Family)[] Particles =
    [
        ("van der", "Berg"), ("de la", "Fuente"), ("von", "Mises"), ("van", "Dijck"), ("de", "Souza"),
        ("van den", "Hoven"), ("della", "Porta"), ("von", "Neumann"), ("de", "Vries"), ("van", "Wynsberghe"),
        ("dos", "Santos"), ("da", "Silva"), ("le", "Roux"), ("van 't", "Hof"), ("zu", "Guttenberg"),
    ];

    private static readonly string[] Suffixes = ["Jr.", "Jr", "III", "Sr."];

    private static readonly string[] GivenNames =
    [
        "Jan", "Maria", "Inga", "Kate", "Timnit", "Safiya Umoja", "Ruha", "Meredith", "Joy", "Virginia",
        "Cathy", "Frank", "Wendy Hui Kyong", "Shoshana", "Adrian", "Luke", "Rachel", "Os", "Lucy", "Abeba",
        "Deborah", "Emily M.", "Solon", "Arvind", "Helen", "Lilly", "Nick", "Kjersti", "Yuki", "Wei",
        "Mar{\\'\\i}a", "Ren{\\'e}e", "J{\\\"o}rg", "Fran\\c{c}ois", "Jos\\'{e}", "Bj{\\o}rn", "S{\\o}ren",
        "Zo{\\\"e}", "Andr\\'{e}", "Ji\\v{r}\\'{\\i}", "{\\L}ukasz", "Øyvind", "Zoë", "Dudík", "José Luis",
        "Ann-Kathrin", "Hans-J{\\\"u}rgen", "M. C.", "Mary L.", "J. R. R.", "Ludwig", "Catherine", "Sasha",
        "Ramon", "Nanna", "Mercedes", "Tarleton", "Geoffrey C.", "Susan Leigh", "Paul N.", "Anna Lauren",
    ];

    private static readonly string[] FamilyNames =
    [
        "Luchs", "Crawford", "Gebru", "Noble", "Benjamin", "Broussard", "Buolamwini", "Eubanks", "O'Neil",
        "Pasquale", "Chun", "Zuboff", "Mackenzie", "Stark", "Keyes", "Suchman", "Amoore", "Birhane", "Raji",
        "Bender", "Barocas", "Narayanan", "Nissenbaum", "Irani", "Gillespie", "Bowker", "Star", "Edwards",
        "Hoffmann", "Costanza-Chock", "D'Ignazio", "Klein", "Denton", "Paullada", "Jo", "Scheuerman",
        "Kjøsen", "Dudík", "Łukasiewicz", "Šimić", "Göbel", "Sánchez", "Çelik", "Nuñez", "Ødegaard",
        "M{\\\"u}ller", "Stra{\\ss}er", "Gro{\\ss}", "Gon\\c{c}alves", "Garc{\\'\\i}a", "Sch{\\\"o}lkopf",
        "Jim\\'{e}nez", "P\\'erez", "Nu{\\~n}ez", "{\\O}stergaard", "\\v{S}imonovi\\'{c}", "{\\AA}kesson",
        "Br{\\aa}ten", "Dvo{\\v{r}}{\\'a}k", "Erd\\H{o}s", "Ko{\\c{c}}", "Wa{\\l}{\\k{e}}sa", "L\\^{e}",
        "Tsing", "Haraway", "Latour", "Pinch", "Bijker", "Winner", "Jasanoff", "Benjamin", "Wajcman",
    ];

    private static readonly string[] FamousTitles =
    [
        "The {GAN} Paper: {\\em Deep} {Learning}",
        "{AI} for All? Challenging the Democratization of Machine Learning",
        "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?",
        "Gender Shades: Intersectional Accuracy Disparities in Commercial Gender Classification",
        "Datasheets for Datasets",
        "Model Cards for Model Reporting",
        "Atlas of {AI}: Power, Politics, and the Planetary Costs of Artificial Intelligence",
        "Algorithms of Oppression: How Search Engines Reinforce Racism",
        "Weapons of Math Destruction",
        "Race after Technology: Abolitionist Tools for the New {Jim Code}",
        "Data Feminism",
        "The Age of Surveillance Capitalism",
        "{ImageNet}: A Large-Scale Hierarchical Image Database",
        "{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Language Models are Few-Shot Learners: {GPT}-3 and Beyond",
        "Attention Is All You Need",
        "Sorting Things Out: Classification and Its Consequences",
        "Do Artifacts Have Politics?",
        "Excavating {AI}: The Politics of Images in Machine Learning Training Sets",
        "{{Lessons from Archives}}: Strategies for Collecting Sociocultural Data in Machine Learning",
    ];

    private static readonly string[] ForeignTitles =
    [
        "K{\\\"u}nstliche Intelligenz und die Frage der Demokratisierung",
        "Die Politik der Datens\\\"{a}tze",
        "L'intelligence artificielle en soci\\'{e}t\\'{e}: une critique",
        "Algoritmos y poder: una cr{\\'\\i}tica de la automatizaci{\\'o}n",
        "Künstliche Intelligenz als Infrastruktur",
        "Société numérique et apprentissage automatique",
        "Maskinl{\\ae}ring og magt i {\\O}resundsregionen",
        "Z{\\'a}klady strojov{\\'e}ho u{\\v{c}}en{\\'\\i}",
        "人工知能と社会",
        "Gro{\\ss}e Sprachmodelle und {\\\"O}ffentlichkeit",
        "Fran\\c{c}ais et {\\oe}uvres num\\'{e}riques",
    ];

    private static readonly string[] Adjectives =
    [
        "Algorithmic", "Critical", "Democratic", "Situated", "Feminist", "Decolonial", "Participatory",
        "Responsible", "Explainable", "Accountable", "Fair", "Automated", "Computational", "Planetary",
        "Extractive", "Invisible", "Synthetic", "Large-Scale", "Open", "Trustworthy", "Embodied", "Robust",
    ];

    private static readonly string[] Nouns =
    [
        "Fairness", "Accountability", "Bias", "Data", "Datasets", "Machine Learning", "Democratization",
        "Surveillance", "Labor", "Platforms", "Governance", "Ethics", "Power", "Classification",
        "Infrastructure", "Automation", "Discrimination", "Transparency", "Explainability", "Benchmarks",
        "Annotation", "Prediction", "Optimization", "Representation", "Refusal", "Care", "Justice",
        "{Learning}", "Models", "Knowledge", "Expertise", "Access", "Openness", "Risk", "Harm", "Audits",
    ];

    private static readonly string[] Acronyms =
    [
        "{AI}", "{GPT}-3", "{BERT}", "{GAN}s", "{ML}", "{NLP}", "{COMPAS}", "{LLM}s", "{ImageNet}",
        "{AutoML}", "{MLOps}", "{\\em Deep} {Learning}", "{\\textit{Big Data}}", "{FAccT}", "{ChatGPT}",
    ];

    private static readonly string[] Contexts =
    [
        "the Global South", "Public Administration", "Healthcare", "Criminal Justice", "Hiring",
        "Content Moderation", "Education", "Social Media", "the Platform Economy", "Science and Technology Studies",
        "Digital Humanities", "Welfare Systems", "Border Control", "Smart Cities",
    ];

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] MonthNames = ["January", "March", "June", "September", "Oct.", "Dec."];

    private static readonly string[] DoiPrefixes = ["10.1145", "10.1177", "10.1007", "10.48550", "10.1080", "10.1017", "10.5281"];

    private static readonly string[] DoiStems = ["2053951", "s00146-0", "1369118X.", "zenodo.", "S0269", "j.patter.", "bds-"];

    private static readonly string[] UrlWords =
    [
        "ai", "fairness", "data", "report", "critical", "papers", "ml", "ethics", "datasets", "labor",
        "archive", "2021", "proceedings", "democratization", "governance", "blog", "pdf", "talks",
    ];

    private static readonly string[] UrlHosts =
    [
        "www.example.org", "example.com", "ainowinstitute.example", "journals.example.net", "blog.example.io",
    ];

    private static readonly string[] KeywordPool =
    [
        "machine learning", "fairness", "critical AI studies", "datasets", "democratization", "surveillance",
        "platform studies", "STS", "labour", "ethics", "accountability", "algorithmic bias", "infrastructure",
        "open source", "AutoML", "governance", "media theory", "feminist data studies", "decolonial computing",
    ];

    private static readonly string[] SentencePool =
    [
        "This paper examines how {A} {N} shapes the design and deployment of {X} systems.",
        "We argue that {N} cannot be separated from questions of {N2} and {N3}.",
        "Drawing on interviews with {P} practitioners, the study traces the politics of {N}.",
        "Our results show that {P}\\% of the examined datasets lack documentation of {N}.",
        "The chapter situates {X} within a longer history of {A} {N}.",
        "Cited in the works-cited list as an example of {A} {N}; see also the companion volume.",
        "An earlier version was presented at the workshop on {N} {\\&} {N2}.",
        "Reprinted with permission; page numbers refer to the second edition.",
        "We introduce a benchmark for {N} and report results for {X} models (see Table~2).",
        "The authors discuss ``{A} {N}'' and its consequences for {N2}, e.g., in hiring or welfare.",
        "Accessed via the Internet Archive; the original page is no longer available.",
        "Special issue on {N} --- guest edited by the {X} working group.",
        "Preprint; the final version appeared with minor changes to Section~3.",
    ];

    private static readonly string[] Languages = ["english", "german", "french", "spanish", "ngerman", "american"];

    private static readonly string[] Comments =
    [
        "This file was exported from Zotero; do not edit the keys by hand.",
        "TODO: check the page ranges of the FAccT entries against the ACM DL",
        "jabref-meta: saveOrderConfig:specified;author;false;year;true;",
        "Duplicate entries below were merged on import {keep the older key}",
    ];

    private static readonly string[] Interludes =
    [
        "% ---- Section {n}: critical dataset studies ----",
        "% imported from the reading list, batch {n}",
        "Entries in this section were checked against the publishers' pages (batch {n}).",
        "%% Local Variables:\n%% coding: utf-8\n%% End:",
        "Notes for batch {n} -- keys follow the pattern name year word.",
    ];

    private static readonly string[] Indents = ["  ", "  ", "    ", "\t", " "];

    private static readonly string[] EqualsSigns = [" = ", " = ", " = ", "=", " =\t"];

    private static readonly (string Type, int Weight)[] EntryTypes =
    [
        ("article", 36), ("book", 14), ("inproceedings", 18), ("incollection", 9), ("techreport", 6),
        ("misc", 7), ("phdthesis", 4), ("online", 6),
    ];

    // Raw UTF-8 letters folded to ASCII for citation keys (lookups only, never enumerated).
    private static readonly Dictionary<char, string> AsciiOf = new()
    {
        ['ø'] = "o", ['Ø'] = "o", ['í'] = "i", ['ł'] = "l", ['Ł'] = "l", ['š'] = "s", ['Š'] = "s",
        ['ć'] = "c", ['ö'] = "o", ['á'] = "a", ['ç'] = "c", ['Ç'] = "c", ['ñ'] = "n", ['é'] = "e",
        ['ü'] = "u", ['ë'] = "e", ['ä'] = "a", ['å'] = "a", ['æ'] = "ae", ['ó'] = "o",
    };
}
