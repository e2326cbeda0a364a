namespace CiteWeb.Core.Tests.Interchange;

/// <summary>Realistic interchange files, drawn from the works cited of Luchs (2023), shared by the tests.</summary>
internal static class InterchangeSamples
{
    /// <summary>Five items with every kind of CSL-JSON value: numbers for strings, every name part, dates as
    /// date-parts (numbers and strings), ranges, raw, literal, circa, season, unknown and unmodelled variables,
    /// and the custom object with provenance.</summary>
    public const string CslJson = """
        [
          {
            "id": "luchs2023",
            "type": "article-journal",
            "author": [
              {"family": "Luchs", "given": "Inga"},
              {"family": "Apprich", "given": "Clemens"},
              {"family": "Broersma", "given": "Marcel"}
            ],
            "issued": {"date-parts": [[2023, 1]]},
            "accessed": {"date-parts": [["2023", "5", "17"]]},
            "title": "Learning Machine Learning: On the Political Economy of <i>AI</i> Online Courses",
            "container-title": "Big Data & Society",
            "volume": 10,
            "issue": "1",
            "page": "20539517231153806",
            "DOI": "10.1177/20539517231153806",
            "ISSN": "2053-9517",
            "source": "SAGE Journals",
            "x-zotero-starred": true
          },
          {
            "id": "dignazio2020",
            "type": "book",
            "author": [
              {"family": "D’Ignazio", "given": "Catherine"},
              {"family": "Klein", "given": "Lauren F."}
            ],
            "issued": {"date-parts": [[2020]]},
            "title": "Data Feminism",
            "collection-title": "Strong Ideas",
            "publisher": "The MIT Press",
            "publisher-place": "Cambridge, MA",
            "edition": 1,
            "ISBN": "978-0-262-04400-4",
            "custom": {
              "source": {"file": "bib/luchs-2023.txt", "line": 127, "column": 1},
              "raw": "D’Ignazio, Catherine and Lauren F. Klein. Data Feminism. The MIT Press, 2020.",
              "confidence": 0.92,
              "style": "mla"
            }
          },
          {
            "id": "burkhardt2019",
            "type": "chapter",
            "author": [{"family": "Burkhardt", "given": "Marcus"}],
            "editor": [{"family": "Sudmann", "given": "Andreas"}],
            "translator": [
              {"family": "Dijck", "given": "José", "non-dropping-particle": "van"},
              {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van", "suffix": "Jr."}
            ],
            "issued": {"raw": "2019-11"},
            "original-date": {"date-parts": [[1995]], "season": 3},
            "title": "Mapping the Democratization of AI on GitHub: A First Approach",
            "container-title": "The Democratization of Artificial Intelligence",
            "publisher": "transcript",
            "page": "209–221",
            "composer": [{"family": "Apprich"}]
          },
          {
            "id": "crunchbase2023",
            "type": "webpage",
            "author": [{"literal": "Crunchbase"}],
            "issued": {"date-parts": [[2023]], "circa": true},
            "accessed": {"literal": "spring 2023"},
            "title": "Hugging Face",
            "URL": "https://www.crunchbase.com/organization/hugging-face"
          },
          {
            "id": "srnicek2019",
            "type": "speech",
            "author": [{"family": "Srnicek", "given": "Nick"}],
            "issued": {"date-parts": [[2019, 9, 23], [2019, 9, 27]]},
            "title": "The Political Economy of Artificial Intelligence",
            "genre": "Recorded talk",
            "event-title": "Great Transformation",
            "event-place": "Jena",
            "categories": ["AI", "political economy"]
          }
        ]
        """;

    /// <summary>A Zotero-style RIS export: JOUR, BOOK, CHAP, ELEC. Zotero writes CRLF and "ER  - " with a trailing
    /// space; this copy has LF and no trailing spaces (editors strip them), and a test adds CRLF back.</summary>
    public const string Ris = """
        TY  - JOUR
        TI  - Learning Machine Learning: On the Political Economy of AI Online Courses
        AU  - Luchs, Inga
        AU  - Apprich, Clemens
        AU  - Broersma, Marcel
        T2  - Big Data & Society
        AB  - This article examines online courses that teach machine learning.
        DA  - 2023/01//
        PY  - 2023
        DO  - 10.1177/20539517231153806
        DP  - SAGE Journals
        VL  - 10
        IS  - 1
        SP  - 20539517231153806
        J2  - Big Data Soc.
        LA  - en
        SN  - 2053-9517
        UR  - https://doi.org/10.1177/20539517231153806
        Y2  - 2023/05/17/
        KW  - democratization
        KW  - machine learning
        ER  -

        TY  - BOOK
        TI  - Data Feminism
        AU  - D’Ignazio, Catherine
        AU  - Klein, Lauren F.
        T2  - Strong Ideas
        CY  - Cambridge, MA
        DA  - 2020///
        PY  - 2020
        ET  - 1
        SP  - 328
        PB  - The MIT Press
        SN  - 978-0-262-04400-4
        ER  -

        TY  - CHAP
        TI  - Mapping the Democratization of AI on GitHub: A First Approach
        AU  - Burkhardt, Marcus
        T2  - The Democratization of Artificial Intelligence
        A2  - Sudmann, Andreas
        CY  - Bielefeld
        DA  - 2019///
        PY  - 2019
        SP  - 209
        EP  - 221
        PB  - transcript
        SN  - 978-3-8376-4719-8
        ER  -

        TY  - ELEC
        TI  - Hugging Face
        AU  - Crunchbase
        T2  - Crunchbase
        PY  - 2023
        UR  - https://www.crunchbase.com/organization/hugging-face
        UR  - https://web.archive.org/web/2023/https://www.crunchbase.com/organization/hugging-face
        Y2  - 2023/03/15/
        M3  - Company profile
        ER  -

        """;
}
