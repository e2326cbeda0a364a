namespace CiteWeb.Core.Parsing.BibTex;

public static partial class LatexDecoder
{
    private ref partial struct Engine
    {
        private void Command()
        {
            ReadOnlySpan<char> src = _src;
            int start = _pos++;
            if (_pos >= src.Length)
            {
                AppendChar('\\');
                return;
            }
            char c = src[_pos];
            LatexCommand command;
            if (char.IsAsciiLetter(c))
            {
                while (_pos < src.Length && char.IsAsciiLetter(src[_pos]))
                {
                    _pos++;
                }
                if (src[(start + 1).._pos] is "char" && CharCode())
                {
                    return;
                }
                if (!LatexTables.ByName.TryGetValue(src[(start + 1).._pos], out command))
                {
                    Unknown(start);
                    return;
                }
                // TeX drops the blanks after a control word, and an empty group is its usual terminator.
                SkipWhitespace();
                if (command.Kind is LatexCommandKind.Text or LatexCommandKind.Letter or LatexCommandKind.Space
                    or LatexCommandKind.Ignore)
                {
                    SkipEmptyGroup();
                }
            }
            else
            {
                if (IsWhitespace(c))
                {
                    _pos++;
                    _pendingSpace = true;
                    return;
                }
                if (c is '(' or '[')
                {
                    DelimitedMath(start, c == '(' ? ')' : ']');
                    return;
                }
                _pos++;
                if (!LatexTables.ByName.TryGetValue(src.Slice(_pos - 1, 1), out command))
                {
                    AppendText(src[start.._pos]);
                    return;
                }
                if (command.Kind == LatexCommandKind.Accent)
                {
                    SkipWhitespace();
                }
            }
            Execute(command);
        }

        /// <summary>\char"1F99C, \char'101, \char65: a character by its code (what --ascii writes for one with no name).</summary>
        private bool CharCode()
        {
            ReadOnlySpan<char> src = _src;
            int p = _pos;
            while (p < src.Length && src[p] == ' ') p++;
            int radix = 10;
            if (p < src.Length && src[p] == '"') { radix = 16; p++; }
            else if (p < src.Length && src[p] == '\'') { radix = 8; p++; }
            int digitsStart = p;
            long value = 0;
            while (p < src.Length && p - digitsStart < 8 && DigitValue(src[p], radix) is int d and >= 0)
            {
                value = value * radix + d;
                p++;
            }
            if (p == digitsStart || value is 0 or > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF) return false;
            _pos = p;
            AppendText(char.ConvertFromUtf32((int)value));
            return true;
        }

        private static int DigitValue(char c, int radix)
        {
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= 'A' and <= 'F' ? c - 'A' + 10 : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            return d < radix ? d : -1;
        }

        private void Execute(LatexCommand command)
        {
            bool braced = _pos < _src.Length && _src[_pos] == '{' && _frameCount < MaxDepth;
            switch (command.Kind)
            {
                case LatexCommandKind.Text:
                case LatexCommandKind.Letter:
                    AppendText(command.Text);
                    break;
                case LatexCommandKind.Space:
                    _pendingSpace = true;
                    break;
                case LatexCommandKind.Accent:
                    Accent(command);
                    break;
                case LatexCommandKind.Format when braced:
                    _pos++;
                    Push(command.Tag == RichTag.None ? FrameKind.Transparent : FrameKind.Tag, command.Tag);
                    break;
                case LatexCommandKind.Switch when _frameCount < MaxDepth:
                    Push(FrameKind.Switch, command.Tag);
                    break;
                case LatexCommandKind.Quote when braced:
                    _pos++;
                    AppendChar('“');
                    Push(FrameKind.Quote);
                    break;
                case LatexCommandKind.DropArgument when braced:
                    _pos++;
                    Push(FrameKind.Drop);
                    break;
                case LatexCommandKind.Url when braced:
                    Url(href: false);
                    break;
                case LatexCommandKind.Href when braced:
                    Url(href: true);
                    break;
            }
        }

        private void Accent(LatexCommand command)
        {
            ReadOnlySpan<char> src = _src;
            if (_pos >= src.Length)
            {
                AppendText(command.Text);
                return;
            }
            char c = src[_pos];
            if (c == '{')
            {
                if (_pos + 1 < src.Length && src[_pos + 1] == '}')
                {
                    _pos += 2;
                    AppendText(command.Text);
                }
                else if (_frameCount < MaxDepth)
                {
                    _pos++;
                    Push(FrameKind.Accent, RichTag.None, command.Mark);
                }
                return;
            }
            if (c == '\\')
            {
                // \'\i: the argument is a letter command.
                int end = _pos + 1;
                while (end < src.Length && char.IsAsciiLetter(src[end]))
                {
                    end++;
                }
                if (end > _pos + 1 && LatexTables.ByName.TryGetValue(src[(_pos + 1)..end], out LatexCommand letter)
                    && letter.Kind == LatexCommandKind.Letter)
                {
                    _pos = end;
                    SkipWhitespace();
                    SkipEmptyGroup();
                    AppendWithMark(letter.Text[0], command.Mark);
                    return;
                }
                AppendText(command.Text);
                return;
            }
            if (c is '}' or '$' || IsWhitespace(c))
            {
                AppendText(command.Text);
                return;
            }
            _pos++;
            if (char.IsHighSurrogate(c) && _pos < src.Length && char.IsLowSurrogate(src[_pos]))
            {
                AppendText(src.Slice(_pos - 1, 2));
                _pos++;
                AppendMark(command.Mark);
                return;
            }
            AppendWithMark(c, command.Mark);
        }

        private void AppendWithMark(char c, char mark)
        {
            AppendChar(c);
            if (_dropDepth == 0)
            {
                ApplyMark(_out.Length - 1, mark, dotless: true);
            }
        }

        private void Unknown(int start)
        {
            AppendText(_src[start.._pos]);
            OpenLiteralArgument();
        }

        /// <summary>An unknown command is kept verbatim; so is a brace group right after it, with its contents
        /// decoded but its braces kept as text.</summary>
        private void OpenLiteralArgument()
        {
            if (_pos >= _src.Length || _src[_pos] != '{')
            {
                return;
            }
            _pos++;
            AppendChar('{');
            if (_frameCount >= MaxDepth)
            {
                _literalBraces++;
                return;
            }
            Push(FrameKind.Literal);
        }

        private void Dollar()
        {
            if (!_dollarExhausted)
            {
                int end = FindMathEnd(_src, _pos);
                // Math whose braces do not pair up could not be written back verbatim, so it is read as text.
                if (end > 0 && LatexEncoder.BracesBalanced(_src[_pos..end]))
                {
                    AppendMath(_src[_pos..(end + 1)]);
                    _pos = end + 1;
                    return;
                }
                // No closing dollar anywhere ahead: remember it, so a run of lone dollars stays linear.
                _dollarExhausted = end < 0;
            }
            _pos++;
            AppendChar('$');
        }

        private void DelimitedMath(int start, char close)
        {
            int end = close == ')' ? _parenMath.Find(_src, start, _src.Length) : _bracketMath.Find(_src, start, _src.Length);
            if (end > 0)
            {
                AppendMath(_src[start..end]);
                _pos = end;
                return;
            }
            _pos = start + 2;
            AppendText(_src[start.._pos]);
        }

        /// <summary>Appends verbatim text, still composed to NFC like everything else: the encoder cannot always
        /// tell verbatim text from plain text, and plain text is composed.</summary>
        private void AppendComposed(scoped ReadOnlySpan<char> text)
        {
            int mark;
            while ((mark = text.IndexOfAnyInRange(LatexComposition.FirstMark, LatexComposition.LastMark)) >= 0)
            {
                AppendText(text[..mark]);
                AppendMark(text[mark]);
                text = text[(mark + 1)..];
            }
            AppendText(text);
        }

        /// <summary>Math is kept as written, delimiters included; only its whitespace runs are collapsed (and
        /// letters with combining marks composed).</summary>
        private void AppendMath(ReadOnlySpan<char> math)
        {
            int i = 0;
            while (i < math.Length)
            {
                int ws = i;
                while (ws < math.Length && !IsWhitespace(math[ws]))
                {
                    ws++;
                }
                AppendComposed(math[i..ws]);
                if (ws == math.Length)
                {
                    break;
                }
                i = ws;
                while (i < math.Length && IsWhitespace(math[i]))
                {
                    i++;
                }
                AppendChar(' ');
            }
        }

        /// <summary>\url{x} gives x read verbatim; \href{u}{t} gives t (or u when t is missing).</summary>
        private void Url(bool href)
        {
            int end = FindGroupEnd(_src, _pos);
            int stop = end < 0 ? _src.Length : end;
            ReadOnlySpan<char> target = _src[(_pos + 1)..stop];
            _pos = Math.Min(stop + 1, _src.Length);
            if (href)
            {
                SkipWhitespace();
                if (_pos < _src.Length && _src[_pos] == '{' && _frameCount < MaxDepth)
                {
                    _pos++;
                    Push(FrameKind.Transparent);
                    return;
                }
            }
            if (_dropDepth > 0)
            {
                return;
            }
            var verbatim = new RichTextBuffer(stackalloc char[256]);
            try
            {
                WriteVerbatim(target, ref verbatim);
                AppendComposed(verbatim.Written);
            }
            finally
            {
                verbatim.Dispose();
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < _src.Length && IsWhitespace(_src[_pos]))
            {
                _pos++;
            }
        }

        private void SkipEmptyGroup()
        {
            if (_pos + 1 < _src.Length && _src[_pos] == '{' && _src[_pos + 1] == '}')
            {
                _pos += 2;
            }
        }
    }

    private static string SpacingAccent(char mark) =>
        LatexTables.AccentName(mark) is { } name && LatexTables.ByName.TryGetValue(name, out LatexCommand c) ? c.Text : "";
}
