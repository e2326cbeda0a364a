using System.Globalization;
using System.Text;

namespace CiteWeb.Benchmarks;

// Names, titles, keys and field values for BibTexCorpus.
public static partial class BibTexCorpus
{
    private sealed partial class Writer
    {
        private (string[] Names, string? Organisation, string Display) Authors(string type)
        {
            if (type is "online" or "misc" or "techreport" && random.Next(3) == 0 || random.Next(40) == 0)
            {
                var org = Pick(Organisations);
                return ([], org, org);
            }
            var count = random.Next(10) switch { < 3 => 1, < 6 => 2, < 8 => 3, 8 => random.Next(4, 7), _ => random.Next(7, 12) };
            if (type == "phdthesis") count = 1;
            var names = new List<string>(count + 1);
            for (var i = 0; i < count; i++) names.Add(Person());
            if (count >= 2 && random.Next(8) == 0) names.Add("others");
            if (count >= 2 && random.Next(30) == 0) names.Insert(random.Next(names.Count), Braced(Pick(Organisations)));
            return ([.. names], null, names[0]);
        }

        private string Person()
        {
            var roll = random.Next(100);
            if (roll < 10)
            {
                var (particle, family) = Pick(Particles);
                var given = Pick(GivenNames);
                return random.Next(2) == 0 ? $"{particle} {family}, {given}" : $"{given} {particle} {family}";
            }
            if (roll < 13)
            {
                return $"{Pick(FamilyNames)}, {Pick(Suffixes)}, {Pick(GivenNames)}";
            }
            var name = Pick(FamilyNames);
            var first = Pick(GivenNames);
            if (random.Next(4) == 0) first = Initials(first);
            return roll < 75 ? $"{name}, {first}" : $"{first} {name}";
        }

        private string Initials(string given)
        {
            if (given.Contains('\\', StringComparison.Ordinal) || given.Contains('{', StringComparison.Ordinal)) return given;
            var parts = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var sep = random.Next(2) == 0 ? " " : "";
            return string.Join(sep, parts.Select(p => p[..1] + "."));
        }

        private string Title()
        {
            var head = random.Next(100) switch
            {
                < 12 => Pick(FamousTitles),
                < 20 => Pick(ForeignTitles),
                < 45 => $"{Pick(Adjectives)} {Pick(Nouns)}",
                < 60 => $"The {Pick(Nouns)} of {Pick(Nouns)}",
                < 70 => $"{Pick(Acronyms)} and the {Pick(Nouns)} of {Pick(Nouns)}",
                < 80 => $"Towards {Pick(Adjectives)} {Pick(Nouns)}",
                < 88 => $"Against {Pick(Nouns)}",
                _ => $"On the {Pick(Nouns)} of {Pick(Acronyms)} Systems",
            };
            return random.Next(100) switch
            {
                < 45 => $"{head}: {Subtitle()}",
                < 55 => $"{head}? {Subtitle()}",
                _ => head,
            };
        }

        private string Subtitle() => random.Next(6) switch
        {
            0 => $"{Pick(Adjectives)} {Pick(Nouns)} in {Pick(Contexts)}",
            1 => $"A Critique of {Pick(Nouns)}",
            2 => "{\\em Deep} {Learning} and Its Discontents",
            3 => $"{Pick(Nouns)} {{\\&}} {Pick(Nouns)} after {Pick(Acronyms)}",
            4 => $"Notes on {Pick(Nouns)}, {Pick(Nouns)}, and {Pick(Contexts)}",
            _ => $"{Pick(Adjectives)} {Pick(Nouns)} from $\\ell_1$ to {Pick(Acronyms)}",
        };

        private string Key((string[] Names, string? Organisation, string Display) people, int year, string title)
        {
            var who = people.Organisation ?? people.Display;
            var word = FirstWord(title);
            var baseKey = Ascii(FamilyPart(who)) + year.ToString(CultureInfo.InvariantCulture) + word;
            if (baseKey.Length == 4) baseKey = "anon" + baseKey;
            var key = baseKey;
            for (var n = 0; !_keys.Add(key); n++)
            {
                key = baseKey + Suffix(n);
            }
            return key;
        }

        private static string Suffix(int n)
        {
            var s = new StringBuilder();
            n++;
            while (n > 0)
            {
                n--;
                s.Insert(0, (char)('a' + n % 26));
                n /= 26;
            }
            return s.ToString();
        }

        private static string FamilyPart(string name)
        {
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0) return name[..comma];
            var parts = name.Trim('{', '}').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 0 ? "" : parts[^1];
        }

        private static string FirstWord(string title)
        {
            foreach (var raw in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Ascii(raw);
                if (w.Length > 3 && w is not ("the" or "from" or "with" or "towards" or "against" or "notes")) return w;
            }
            return "";
        }

        private static string Ascii(string text)
        {
            var s = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\')
                {
                    // Skip a control word or symbol, but keep \ss, \o, \aa, \l as letters.
                    var j = i + 1;
                    while (j < text.Length && char.IsAsciiLetter(text[j])) j++;
                    var word = text[(i + 1)..j];
                    if (word is "ss" or "o" or "O" or "aa" or "AA" or "l" or "L" or "ae" or "oe") s.Append(word.ToLowerInvariant());
                    i = j == i + 1 ? j : j - 1;
                    continue;
                }
                if (char.IsAsciiLetter(c)) s.Append(char.ToLowerInvariant(c));
                else if (c > 127 && AsciiOf.TryGetValue(c, out var a)) s.Append(a);
            }
            return s.ToString();
        }

        private string Value(string[] names) => Value(string.Join(" and ", names));

        // Quotes where they are safe (no '"' at brace depth 0), braces otherwise and most of the time.
        private string Value(string text) =>
            random.Next(4) == 0 && QuoteSafe(text) ? "\"" + text + "\"" : Braced(text);

        private static string Braced(string text) => "{" + text + "}";

        private static bool QuoteSafe(string text)
        {
            var depth = 0;
            foreach (var c in text)
            {
                if (c == '{') depth++;
                else if (c == '}') depth--;
                else if (c == '"' && depth == 0) return false;
            }
            return depth == 0;
        }

        private string Year(int year)
        {
            var y = year.ToString(CultureInfo.InvariantCulture);
            return random.Next(3) switch { 0 => y, 1 => "{" + y + "}", _ => "\"" + y + "\"" };
        }

        private string Month() => random.Next(6) switch
        {
            0 => Braced(Pick(MonthNames)),
            1 => random.Next(1, 13).ToString(CultureInfo.InvariantCulture),
            _ => Pick(MonthMacros),
        };

        private string Number(int min, int max)
        {
            var n = random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);
            return random.Next(3) == 0 ? n : Value(n);
        }

        private static string Number2(int n) => n.ToString("00", CultureInfo.InvariantCulture);

        private string Pages()
        {
            var start = random.Next(1, 900);
            var end = start + random.Next(1, 40);
            var s = start.ToString(CultureInfo.InvariantCulture);
            var e = end.ToString(CultureInfo.InvariantCulture);
            return random.Next(20) switch
            {
                0 => Value(s + "-" + e),
                1 => Value("e" + (start * 7).ToString("00000", CultureInfo.InvariantCulture)),
                2 => Value(s + "--" + e + ", " + (end + 3).ToString(CultureInfo.InvariantCulture)),
                _ => Value(s + "--" + e),
            };
        }

        private string Doi()
        {
            var prefix = Pick(DoiPrefixes);
            return prefix switch
            {
                "10.48550" => $"{prefix}/arXiv.{random.Next(15, 25)}{random.Next(1, 13):00}.{random.Next(0, 30000):00000}",
                "10.1145" => $"{prefix}/{random.Next(3000000, 3700000)}.{random.Next(3000000, 3700000)}",
                _ => $"{prefix}/{Pick(DoiStems)}{random.Next(100000, 999999)}",
            };
        }

        private string Url() => random.Next(8) switch
        {
            0 => $"https://arxiv.org/abs/{random.Next(15, 25)}{random.Next(1, 13):00}.{random.Next(0, 30000):00000}",
            1 => $"https://doi.org/{Doi()}",
            2 => $"https://www.example.org/~{Pick(UrlWords)}/papers/{Pick(UrlWords)}_{random.Next(1, 99)}.pdf",
            3 => $"https://example.com/search?q={Pick(UrlWords)}+{Pick(UrlWords)}&lang=en#results",
            4 => $"https://www.example.net/{Pick(UrlWords)}/{Pick(UrlWords)}%20report.html",
            _ => $"https://{Pick(UrlHosts)}/{Pick(UrlWords)}/{Pick(UrlWords)}-{Pick(UrlWords)}/",
        };

        private string Date() =>
            $"{random.Next(2015, 2026)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}";

        private string Address() => random.Next(3) switch
        {
            0 => Pick(AddressMacros),
            1 => "\"Cambridge, \" # \"UK\"",
            _ => Value(Pick(Places)),
        };

        private string Isbn()
        {
            Span<int> d = stackalloc int[13];
            d[0] = 9; d[1] = 7; d[2] = 8;
            for (var i = 3; i < 12; i++) d[i] = random.Next(10);
            var sum = 0;
            for (var i = 0; i < 12; i++) sum += d[i] * (i % 2 == 0 ? 1 : 3);
            d[12] = (10 - sum % 10) % 10;
            var s = new StringBuilder(17);
            for (var i = 0; i < 13; i++)
            {
                if (i is 3 or 4 or 8 or 12) s.Append('-');
                s.Append((char)('0' + d[i]));
            }
            return s.ToString();
        }

        private string Issn()
        {
            Span<int> d = stackalloc int[7];
            var sum = 0;
            for (var i = 0; i < 7; i++)
            {
                d[i] = random.Next(10);
                sum += d[i] * (8 - i);
            }
            var check = (11 - sum % 11) % 11;
            return $"{d[0]}{d[1]}{d[2]}{d[3]}-{d[4]}{d[5]}{d[6]}{(check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture))}";
        }

        private string Keywords()
        {
            var n = random.Next(2, 6);
            var sep = random.Next(2) == 0 ? ", " : "; ";
            return string.Join(sep, PickDistinct(KeywordPool, n));
        }

        private string Sentences(int min, int max)
        {
            var n = random.Next(min, max + 1);
            var s = new StringBuilder();
            for (var i = 0; i < n; i++)
            {
                if (i > 0) s.Append(' ');
                var nouns = PickDistinct(Nouns, 3);
                s.Append(Pick(SentencePool)
                    .Replace("{N}", nouns[0].ToLowerInvariant(), StringComparison.Ordinal)
                    .Replace("{N2}", nouns[1].ToLowerInvariant(), StringComparison.Ordinal)
                    .Replace("{N3}", nouns[2].ToLowerInvariant(), StringComparison.Ordinal)
                    .Replace("{A}", Pick(Adjectives).ToLowerInvariant(), StringComparison.Ordinal)
                    .Replace("{X}", Pick(Acronyms), StringComparison.Ordinal)
                    .Replace("{P}", random.Next(5, 95).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
            return s.ToString();
        }
    }
}
