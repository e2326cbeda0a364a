namespace CiteWeb.Core.Parsing.BibTex;

public static partial class LatexEncoder
{
    private ref struct Writer
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly ReadOnlySpan<TagToken> _tags;
        private readonly Span<int> _noCaseStarts;
        private readonly bool _ascii;
        private readonly bool _bracesBalanced;
        private int _noCaseDepth;
        private int _nextNonAscii;
        private DelimitedMathFinder _parenMath;
        private DelimitedMathFinder _bracketMath;
        // Where the argument groups of unknown commands written back raw close, innermost last.
        private List<int>? _rawCloses;

        public Writer(ReadOnlySpan<char> text, bool ascii, ReadOnlySpan<TagToken> tags, Span<int> noCaseStarts)
        {
            _text = text;
            _ascii = ascii;
            _tags = tags;
            _noCaseStarts = noCaseStarts;
            _nextNonAscii = -1;
            _parenMath = new DelimitedMathFinder(')');
            _bracketMath = new DelimitedMathFinder(']');
            // Escaped braces still count for BibTeX's brace matching, so \{ is only safe when they pair up.
            _bracesBalanced = BracesBalanced(text);
        }

        public void Run(ref RichTextBuffer output)
        {
            ReadOnlySpan<char> text = _text;
            int t = 0;
            int i = 0;
            while (i < text.Length)
            {
                if (t < _tags.Length && _tags[t].Position == i)
                {
                    WriteTag(_tags[t], ref output);
                    i += _tags[t].Length;
                    t++;
                    continue;
                }
                int limit = t < _tags.Length ? _tags[t].Position : text.Length;
                i = WriteText(i, limit, ref output);
            }
        }

        private void WriteTag(TagToken tag, ref RichTextBuffer output)
        {
            if (tag.Tag == RichTag.NoCase)
            {
                if (!tag.Close)
                {
                    output.Append('{');
                    if (_noCaseDepth < _noCaseStarts.Length)
                    {
                        _noCaseStarts[_noCaseDepth] = output.Length;
                    }
                    _noCaseDepth++;
                    return;
                }
                _noCaseDepth--;
                // {\emph{x} y} would read back as a special character, not as protected text: add a brace level.
                if (_noCaseDepth < _noCaseStarts.Length && _noCaseStarts[_noCaseDepth] is int start
                    && start < output.Length && output[start] == '\\')
                {
                    output.Insert(start, "{");
                    output.Append("}}");
                    return;
                }
                output.Append('}');
                return;
            }
            if (tag.Close)
            {
                output.Append('}');
                return;
            }
            output.Append(tag.Tag switch
            {
                RichTag.Italic => "\\emph{",
                RichTag.Bold => "\\textbf{",
                RichTag.SmallCaps => "\\textsc{",
                RichTag.Superscript => "\\textsuperscript{",
                _ => "\\textsubscript{",
            });
        }

        /// <summary>
        /// A command the decoder does not know (a user's own macro, <c>\acro{NASA}</c>) was kept verbatim on reading;
        /// it is written back as a command, its argument's braces raw, so BibTeX and LaTeX still see the macro.
        /// Returns where to go on, or null when the backslash does not start such a command.
        /// </summary>
        private int? WriteUnknownCommand(int i, int limit, ref RichTextBuffer output)
        {
            ReadOnlySpan<char> text = _text;
            int end = i + 1;
            while (end < limit && char.IsAsciiLetter(text[end]))
            {
                end++;
            }
            if (end == i + 1 || LatexTables.ByName.TryGetValue(text[(i + 1)..end], out _))
            {
                return null;
            }
            // What follows must not read back as the command's argument: markup (a brace group in BibTeX) or, in
            // ASCII mode, a letter that is written as {'o}. Then the backslash is only text.
            if (end < text.Length && end == limit)
            {
                return null;
            }
            if (!_bracesBalanced || (end < text.Length && !SafeAfter(end)))
            {
                return null;
            }
            if (end < text.Length && text[end] == '{' && (GroupEnd(end) is var groupEnd && (groupEnd < 0 || text[end..groupEnd].Contains('<') || (groupEnd + 1 < text.Length && !SafeAfter(groupEnd + 1)))))
            {
                return null;
            }
            output.Append(text[i..end]);
            if (end < text.Length && text[end] == '{' && GroupEnd(end) is int close and > 0)
            {
                output.Append('{');
                (_rawCloses ??= []).Add(close);
                return end + 1;
            }
            return end;
        }

        // Text at this position is written as itself, not as a brace group that would read back as an argument:
        // no markup, and in ASCII mode no letter (or letter and accent) that becomes {\'o}.
        private readonly bool SafeAfter(int position) =>
            _text[position] != '<' && !(_ascii && (_text[position] > '\u007F'
                || (position + 1 < _text.Length && LatexComposition.IsMark(_text[position + 1]))));

        // Matching braces of the whole text, found in one pass the first time a command needs them: looking for
        // each group's end afresh would be quadratic on text full of unknown commands.
        private int[]? _groupEnds;

        private int GroupEnd(int open)
        {
            if (_groupEnds is null)
            {
                ReadOnlySpan<char> text = _text;
                _groupEnds = new int[text.Length];
                var stack = new Stack<int>();
                for (int k = 0; k < text.Length; k++)
                {
                    _groupEnds[k] = -1;
                    switch (text[k])
                    {
                        case '\\':
                            if (k + 1 < text.Length) _groupEnds[++k] = -1;
                            break;
                        case '{':
                            stack.Push(k);
                            break;
                        case '}' when stack.Count > 0:
                            _groupEnds[stack.Pop()] = k;
                            break;
                    }
                }
            }
            return _groupEnds[open];
        }

        /// <summary>Writes text from <paramref name="i"/> up to the next tag; returns where it stopped.</summary>
        private int WriteText(int i, int limit, ref RichTextBuffer output)
        {
            ReadOnlySpan<char> text = _text;
            ReadOnlySpan<char> rest = text[i..limit];
            int run;
            if (_ascii)
            {
                // The next non-ASCII position is cached: searching for it afresh at every special character
                // would be quadratic on text full of them.
                if (_nextNonAscii < i)
                {
                    int found = text[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                    _nextNonAscii = found < 0 ? int.MaxValue : i + found;
                }
                int nonAscii = _nextNonAscii < limit ? _nextNonAscii - i : -1;
                run = (nonAscii < 0 ? rest : rest[..nonAscii]).IndexOfAny(RunStops);
                if (run < 0 && nonAscii >= 0)
                {
                    // An ASCII letter followed by combining marks is encoded together with them.
                    run = nonAscii > 0 && LatexComposition.IsMark(rest[nonAscii]) ? nonAscii - 1 : nonAscii;
                }
            }
            else
            {
                run = rest.IndexOfAny(RunStops);
            }
            if (run != 0)
            {
                int length = run < 0 ? rest.Length : run;
                output.Append(rest[..length]);
                return i + length;
            }
            char c = text[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < limit && text[i + 1] is '(' or '[')
                    {
                        int close = text[i + 1] == '(' ? _parenMath.Find(text, i, limit) : _bracketMath.Find(text, i, limit);
                        if (close > 0)
                        {
                            output.Append(text[i..close]);
                            return close;
                        }
                    }
                    if (WriteUnknownCommand(i, limit, ref output) is int after)
                    {
                        return after;
                    }
                    output.Append("\\textbackslash{}");
                    return i + 1;
                case '}' when _rawCloses is { Count: > 0 } closes && closes[^1] == i:
                    closes.RemoveAt(closes.Count - 1);
                    output.Append('}');
                    return i + 1;
                case '{':
                    output.Append(_bracesBalanced ? "\\{" : "\\textbraceleft{}");
                    return i + 1;
                case '}':
                    output.Append(_bracesBalanced ? "\\}" : "\\textbraceright{}");
                    return i + 1;
                case '$':
                    // Decoded text keeps math as it was ($x^2$) and an escaped dollar as a plain $, so a pair of
                    // dollars is taken for math only as pandoc takes it: no space just inside either dollar, and no
                    // digit right after the closing one. "\$5 and \$6" stays two dollars, not math.
                    int end = LatexDecoder.FindMathEnd(text, i);
                    if (end > 0 && end < limit && !char.IsWhiteSpace(text[i + 1]) && !char.IsWhiteSpace(text[end - 1])
                        && !(end + 1 < limit && char.IsAsciiDigit(text[end + 1])) && BracesBalanced(text[i..end]))
                    {
                        output.Append(text[i..(end + 1)]);
                        return end + 1;
                    }
                    output.Append("\\$");
                    return i + 1;
                case '%' or '&' or '#' or '_':
                    output.Append('\\');
                    output.Append(c);
                    return i + 1;
                case '^':
                    output.Append("\\textasciicircum{}");
                    return i + 1;
                case '~':
                    output.Append("\\textasciitilde{}");
                    return i + 1;
                case '\t' or '\n' or '\r':
                    output.Append(' ');
                    return i + 1;
                case '-' or '\'' or '`' or '!' or '?':
                    AppendGuarded(new ReadOnlySpan<char>(in c), ref output);
                    return i + 1;
            }
            if (c < '\u0080' && !(_ascii && i + 1 < limit && LatexComposition.IsMark(text[i + 1])))
            {
                output.Append(c);
                return i + 1;
            }
            return WriteCluster(i, limit, ref output);
        }

        /// <summary>A non-ASCII character (with any combining marks after it): a dedicated rule, a letter with
        /// accent commands in ASCII mode, or else UTF-8 as is.</summary>
        private int WriteCluster(int i, int limit, ref RichTextBuffer output)
        {
            ReadOnlySpan<char> text = _text;
            char c = text[i];
            int end = i + 1;
            while (end < limit && LatexComposition.IsMark(text[end]))
            {
                end++;
            }
            bool alone = end == i + 1;
            if (alone && (_ascii || c is '–' or '—' or '“' or '”' or '\u00A0')
                && LatexTables.EncoderSymbols.TryGetValue(c, out string? symbol))
            {
                AppendGuarded(symbol, ref output);
                return end;
            }
            if (!_ascii || !TryWriteAccented(text[i..end], ref output))
            {
                if (_ascii)
                {
                    // No LaTeX name (an emoji, a CJK character): its code point, \char"1F99C, which XeTeX and LuaTeX
                    // print and the decoder reads back; a surrogate pair is one code point.
                    if (char.IsHighSurrogate(c) && end < limit && char.IsLowSurrogate(text[end])) end++;
                    for (int k = i; k < end; k++)
                    {
                        int codePoint = char.IsHighSurrogate(text[k]) && k + 1 < end ? char.ConvertToUtf32(text[k], text[++k]) : text[k];
                        if (codePoint < 0x80) output.Append(((char)codePoint).ToString());
                        else output.Append("{\\char\"" + codePoint.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "}");
                    }
                }
                else output.Append(text[i..end]);
            }
            return end;
        }

        private static bool TryWriteAccented(ReadOnlySpan<char> cluster, ref RichTextBuffer output)
        {
            if (cluster.Length > 9)
            {
                return false;
            }
            Span<char> chars = stackalloc char[16];
            int n = LatexComposition.Decompose(cluster[0], chars);
            cluster[1..].CopyTo(chars[n..]);
            n += cluster.Length - 1;
            if (n == 1)
            {
                return false;
            }
            char letter = chars[0];
            bool above = false;
            for (int k = 1; k < n; k++)
            {
                if (LatexTables.AccentName(chars[k]) is null)
                {
                    return false;
                }
                above |= LatexComposition.IsAbove(chars[k]);
            }
            string? baseCommand = null;
            if (above && letter is 'ı' or 'ȷ')
            {
                // The decoder reads an accent above \i as one above i (\'\i is í), so this has no LaTeX form.
                return false;
            }
            if (above && letter is 'i' or 'j')
            {
                baseCommand = letter == 'i' ? "\\i" : "\\j";
            }
            else if (!char.IsAsciiLetter(letter) && !LatexTables.LetterCommands.TryGetValue(letter, out baseCommand))
            {
                return false;
            }
            // Innermost accent first: ǘ is {\'{\"u}}, í is {\'\i}, ç is {\c{c}}.
            output.Append('{');
            for (int k = n - 1; k >= 1; k--)
            {
                string name = LatexTables.AccentName(chars[k])!;
                output.Append('\\');
                output.Append(name);
                bool bare = k == 1 && !char.IsAsciiLetter(name[0]);
                if (!bare)
                {
                    output.Append('{');
                }
            }
            if (baseCommand is null)
            {
                output.Append(letter);
            }
            else
            {
                output.Append(baseCommand);
            }
            for (int k = 1; k < n; k++)
            {
                bool bare = k == 1 && !char.IsAsciiLetter(LatexTables.AccentName(chars[k])![0]);
                if (!bare)
                {
                    output.Append('}');
                }
            }
            output.Append('}');
            return true;
        }

        /// <summary>Appends text, first breaking a TeX ligature it would form with what precedes (-- '' `` !`).
        /// </summary>
        private static void AppendGuarded(scoped ReadOnlySpan<char> text, ref RichTextBuffer output)
        {
            char last = output.Last;
            bool ligature = text[0] switch
            {
                '-' => last == '-',
                '\'' => last == '\'',
                '`' => last is '`' or '!' or '?',
                _ => false,
            };
            if (ligature)
            {
                output.Append("{}");
            }
            output.Append(text);
        }
    }
}
