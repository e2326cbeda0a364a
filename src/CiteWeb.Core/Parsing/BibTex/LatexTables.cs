using System.Collections.Frozen;
using System.Numerics;

namespace CiteWeb.Core.Parsing.BibTex;

internal enum LatexCommandKind : byte
{
    /// <summary>Replaced by <see cref="LatexCommand.Text"/>.</summary>
    Text,
    /// <summary>A letter such as \ss or \o: like Text, but it can carry an accent and the encoder braces it.</summary>
    Letter,
    /// <summary>Applies <see cref="LatexCommand.Mark"/> to its argument.</summary>
    Accent,
    /// <summary>Wraps its braced argument in <see cref="LatexCommand.Tag"/>.</summary>
    Format,
    /// <summary>Declaration ({\em ...}): the tag lasts until the enclosing group ends.</summary>
    Switch,
    Space,
    Ignore,
    Url,
    Href,
    Quote,
    DropArgument,
}

internal enum RichTag : byte
{
    None,
    Italic,
    Bold,
    SmallCaps,
    Superscript,
    Subscript,
    NoCase,
}

internal readonly record struct LatexCommand(LatexCommandKind Kind, string Text, char Mark, RichTag Tag);

/// <summary>The vocabulary shared by <see cref="LatexDecoder"/> and <see cref="LatexEncoder"/>; one table feeds
/// both directions so that whatever the encoder writes, the decoder reads back.</summary>
internal static class LatexTables
{
    public const string NoCaseOpen = "<span class=\"nocase\">";
    public const string SmallCapsOpen = "<span style=\"font-variant:small-caps;\">";
    public const string SpanClose = "</span>";

    /// <summary>Accent commands in the encoder's order of preference, with the text LaTeX prints for an empty
    /// argument (\'{} is a free-standing acute).</summary>
    private static readonly (string Name, char Mark, string Spacing)[] Accents =
    [
        ("`", '\u0300', "`"), ("'", '\u0301', "\u00B4"), ("^", '\u0302', "^"), ("~", '\u0303', "~"),
        ("=", '\u0304', "\u00AF"), ("u", '\u0306', "\u02D8"), (".", '\u0307', "\u02D9"), ("\"", '\u0308', "\u00A8"),
        ("r", '\u030A', "\u02DA"), ("H", '\u030B', "\u02DD"), ("v", '\u030C', "\u02C7"), ("d", '\u0323', "."),
        ("c", '\u0327', "\u00B8"), ("k", '\u0328', "\u02DB"), ("b", '\u0331', "\u02CD"), ("t", '\u0361', ""),
    ];

    private static readonly (string Name, char Letter)[] Letters =
    [
        ("ss", 'ß'), ("SS", 'ẞ'), ("ae", 'æ'), ("AE", 'Æ'), ("oe", 'œ'), ("OE", 'Œ'), ("o", 'ø'), ("O", 'Ø'),
        ("l", 'ł'), ("L", 'Ł'), ("aa", 'å'), ("AA", 'Å'), ("i", 'ı'), ("j", 'ȷ'), ("dh", 'ð'), ("DH", 'Ð'),
        ("th", 'þ'), ("TH", 'Þ'), ("ng", 'ŋ'), ("NG", 'Ŋ'), ("dj", 'đ'), ("DJ", 'Đ'),
    ];

    // The first name listed for a character is the one the encoder writes.
    private static readonly (string Name, string Text)[] Symbols =
    [
        ("&", "&"), ("%", "%"), ("$", "$"), ("#", "#"), ("_", "_"), ("{", "{"), ("}", "}"), (",", "\u2009"),
        ("textendash", "–"), ("textemdash", "—"), ("textquoteleft", "‘"), ("lq", "‘"), ("textquoteright", "’"),
        ("rq", "’"), ("textquotedblleft", "“"), ("textquotedblright", "”"), ("quotesinglbase", "‚"),
        ("quotedblbase", "„"), ("guillemotleft", "«"), ("guillemetleft", "«"), ("guillemotright", "»"),
        ("guillemetright", "»"), ("guilsinglleft", "‹"), ("guilsinglright", "›"), ("ldots", "…"), ("dots", "…"),
        ("textellipsis", "…"), ("S", "§"), ("textsection", "§"), ("P", "¶"), ("textparagraph", "¶"),
        ("textcopyright", "©"), ("copyright", "©"), ("textregistered", "®"), ("texttrademark", "™"),
        ("pounds", "£"), ("textsterling", "£"), ("texteuro", "€"), ("euro", "€"), ("textcent", "¢"),
        ("textyen", "¥"), ("textcurrency", "¤"), ("textdegree", "°"), ("textdagger", "†"), ("dag", "†"),
        ("textdaggerdbl", "‡"), ("ddag", "‡"), ("textbullet", "•"), ("textperiodcentered", "·"),
        ("textexclamdown", "¡"), ("textquestiondown", "¿"), ("textordfeminine", "ª"), ("textordmasculine", "º"),
        ("textonehalf", "½"), ("textonequarter", "¼"), ("textthreequarters", "¾"), ("textonesuperior", "¹"),
        ("texttwosuperior", "²"), ("textthreesuperior", "³"), ("textpm", "±"), ("texttimes", "×"),
        ("textdiv", "÷"), ("textminus", "−"), ("textmu", "µ"), ("textlnot", "¬"), ("textbrokenbar", "¦"),
        ("textperthousand", "‰"), ("textnumero", "№"), ("textvisiblespace", "␣"), ("textleftarrow", "←"),
        ("textrightarrow", "→"), ("textasciiacute", "´"), ("textasciidieresis", "¨"), ("textasciimacron", "¯"),
        ("textasciibreve", "˘"), ("textasciicaron", "ˇ"), ("textacutedbl", "˝"), ("nobreakspace", "\u00A0"),
        ("thinspace", "\u2009"), ("textasciitilde", "~"), ("textbackslash", "\\"), ("textasciicircum", "^"),
        ("textbar", "|"), ("textless", "<"), ("textgreater", ">"), ("textunderscore", "_"), ("textdollar", "$"),
        ("textbraceleft", "{"), ("textbraceright", "}"), ("textasciigrave", "`"), ("textquotesingle", "'"),
        ("textquotedbl", "\""), ("slash", "/"), ("textslash", "/"), ("LaTeX", "LaTeX"), ("TeX", "TeX"),
        ("BibTeX", "BibTeX"), ("LaTeXe", "LaTeX2ε"),
    ];

    private static readonly (string Name, RichTag Tag)[] Formats =
    [
        ("emph", RichTag.Italic), ("textit", RichTag.Italic), ("textsl", RichTag.Italic),
        ("mkbibemph", RichTag.Italic), ("mkbibitalic", RichTag.Italic), ("textbf", RichTag.Bold),
        ("mkbibbold", RichTag.Bold), ("textsc", RichTag.SmallCaps), ("textsuperscript", RichTag.Superscript),
        ("mkbibsuperscript", RichTag.Superscript), ("textsubscript", RichTag.Subscript),
        ("mkbibsubscript", RichTag.Subscript), ("textup", RichTag.None), ("textnormal", RichTag.None),
        ("textrm", RichTag.None), ("textsf", RichTag.None), ("texttt", RichTag.None), ("textmd", RichTag.None),
        ("textlf", RichTag.None), ("mbox", RichTag.None), ("text", RichTag.None), ("hbox", RichTag.None),
    ];

    private static readonly (string Name, RichTag Tag)[] Switches =
    [
        ("em", RichTag.Italic), ("it", RichTag.Italic), ("itshape", RichTag.Italic), ("sl", RichTag.Italic),
        ("slshape", RichTag.Italic), ("bf", RichTag.Bold), ("bfseries", RichTag.Bold), ("sc", RichTag.SmallCaps),
        ("scshape", RichTag.SmallCaps),
    ];

    private static readonly string[] Spaces = ["\\", ";", ":", ">", "quad", "qquad", "enspace", "enskip", "space", "par"];

    // Declarations that only change fonts we do not model, and commands that only steer TeX.
    private static readonly string[] Ignored =
    [
        "-", "/", "@", "!", "relax", "protect", "xspace", "ignorespaces", "nobreak", "allowbreak", "null",
        "unskip", "noindent", "rm", "upshape", "normalfont", "tt", "ttfamily", "sf", "sffamily", "rmfamily",
        "mdseries", "itcorr",
    ];

    public static readonly CommandTable ByName = new(BuildCommands());

    /// <summary>ASCII-mode encoder: non-ASCII character to the LaTeX that decodes back to it.</summary>
    public static readonly FrozenDictionary<char, string> EncoderSymbols = BuildEncoderSymbols();

    /// <summary>ASCII-mode encoder: letter to its command (ø to \o), for use as the base of an accent.</summary>
    public static readonly FrozenDictionary<char, string> LetterCommands =
        Letters.ToFrozenDictionary(l => l.Letter, l => "\\" + l.Name);

    public static string OpenTag(RichTag tag) => tag switch
    {
        RichTag.Italic => "<i>",
        RichTag.Bold => "<b>",
        RichTag.SmallCaps => SmallCapsOpen,
        RichTag.Superscript => "<sup>",
        RichTag.Subscript => "<sub>",
        RichTag.NoCase => NoCaseOpen,
        _ => "",
    };

    public static string CloseTag(RichTag tag) => tag switch
    {
        RichTag.Italic => "</i>",
        RichTag.Bold => "</b>",
        RichTag.Superscript => "</sup>",
        RichTag.Subscript => "</sub>",
        RichTag.SmallCaps or RichTag.NoCase => SpanClose,
        _ => "",
    };

    /// <summary>Name of the accent command for a combining mark, or null when LaTeX has none.</summary>
    public static string? AccentName(char mark)
    {
        foreach (var (name, m, _) in Accents)
        {
            if (m == mark)
            {
                return name;
            }
        }
        return null;
    }

    private static Dictionary<string, LatexCommand> BuildCommands()
    {
        var map = new Dictionary<string, LatexCommand>(StringComparer.Ordinal);
        foreach (var (name, mark, spacing) in Accents)
        {
            map[name] = new LatexCommand(LatexCommandKind.Accent, spacing, mark, RichTag.None);
        }
        foreach (var (name, letter) in Letters)
        {
            map[name] = new LatexCommand(LatexCommandKind.Letter, letter.ToString(), '\0', RichTag.None);
        }
        foreach (var (name, text) in Symbols)
        {
            map.TryAdd(name, new LatexCommand(LatexCommandKind.Text, text, '\0', RichTag.None));
        }
        foreach (var (name, tag) in Formats)
        {
            map[name] = new LatexCommand(LatexCommandKind.Format, "", '\0', tag);
        }
        foreach (var (name, tag) in Switches)
        {
            map[name] = new LatexCommand(LatexCommandKind.Switch, "", '\0', tag);
        }
        foreach (string name in Spaces)
        {
            map[name] = new LatexCommand(LatexCommandKind.Space, " ", '\0', RichTag.None);
        }
        foreach (string name in Ignored)
        {
            map[name] = new LatexCommand(LatexCommandKind.Ignore, "", '\0', RichTag.None);
        }
        map["url"] = new LatexCommand(LatexCommandKind.Url, "", '\0', RichTag.None);
        map["href"] = new LatexCommand(LatexCommandKind.Href, "", '\0', RichTag.None);
        map["enquote"] = new LatexCommand(LatexCommandKind.Quote, "", '\0', RichTag.None);
        map["mkbibquote"] = new LatexCommand(LatexCommandKind.Quote, "", '\0', RichTag.None);
        map["noopsort"] = new LatexCommand(LatexCommandKind.DropArgument, "", '\0', RichTag.None);
        return map;
    }

    private static FrozenDictionary<char, string> BuildEncoderSymbols()
    {
        var map = new Dictionary<char, string>();
        foreach (var (name, letter) in Letters)
        {
            map.TryAdd(letter, "{\\" + name + "}");
        }
        // The encoder has dedicated rules for these (-- --- `` '' ~), which read better than the commands.
        map['–'] = "--";
        map['—'] = "---";
        map['“'] = "``";
        map['”'] = "''";
        map['\u00A0'] = "~";
        foreach (var (name, text) in Symbols)
        {
            if (text.Length == 1 && text[0] > '\u007F')
            {
                map.TryAdd(text[0], char.IsAsciiLetter(name[0]) ? "\\" + name + "{}" : "\\" + name);
            }
        }
        foreach (var (name, _, spacing) in Accents)
        {
            if (spacing.Length == 1 && spacing[0] > '\u007F')
            {
                map.TryAdd(spacing[0], "{\\" + name + "{}}");
            }
        }
        return map.ToFrozenDictionary();
    }
}

/// <summary>Open-addressing table looked up by span. FrozenDictionary's span lookup measured ~90 ns a call here,
/// several times the cost of decoding the text around a command.</summary>
internal sealed class CommandTable
{
    private readonly string[] _names;
    private readonly LatexCommand[] _commands;
    private readonly short[] _slots;
    private readonly short[] _controlSymbols;

    public CommandTable(Dictionary<string, LatexCommand> commands)
    {
        _names = [.. commands.Keys];
        _commands = [.. commands.Values];
        _slots = new short[BitOperations.RoundUpToPowerOf2((uint)_names.Length * 4)];
        _slots.AsSpan().Fill(-1);
        for (short i = 0; i < _names.Length; i++)
        {
            int slot = Slot(_names[i]);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }
            _slots[slot] = i;
        }
        _controlSymbols = new short[128];
        _controlSymbols.AsSpan().Fill(-1);
        for (short i = 0; i < _names.Length; i++)
        {
            if (_names[i].Length == 1 && _names[i][0] < 128)
            {
                _controlSymbols[_names[i][0]] = i;
            }
        }
    }

    public bool TryGetValue(ReadOnlySpan<char> name, out LatexCommand command)
    {
        if (name.Length == 1 && name[0] < 128)
        {
            int symbol = _controlSymbols[name[0]];
            command = symbol < 0 ? default : _commands[symbol];
            return symbol >= 0;
        }
        for (int slot = Slot(name); ; slot = (slot + 1) & (_slots.Length - 1))
        {
            int index = _slots[slot];
            if (index < 0)
            {
                command = default;
                return false;
            }
            if (name.SequenceEqual(_names[index]))
            {
                command = _commands[index];
                return true;
            }
        }
    }

    private int Slot(ReadOnlySpan<char> name)
    {
        uint hash = 2166136261u;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)((hash ^ hash >> 15) & (uint)(_slots.Length - 1));
    }
}
