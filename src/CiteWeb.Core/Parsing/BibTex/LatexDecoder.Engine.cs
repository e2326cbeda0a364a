namespace CiteWeb.Core.Parsing.BibTex;

public static partial class LatexDecoder
{
    private enum FrameKind : byte
    {
        /// <summary>A brace group that only groups.</summary>
        Plain,
        /// <summary>A case-protecting group: a nocase span.</summary>
        NoCase,
        /// <summary>The argument of \emph and friends: transparent for case protection.</summary>
        Tag,
        /// <summary>{\em ...}: no brace of its own, ends with the enclosing group.</summary>
        Switch,
        /// <summary>Argument of \mbox, \textrm, \href text...: content only.</summary>
        Transparent,
        Accent,
        /// <summary>Argument of an unknown command: its braces are kept as text.</summary>
        Literal,
        Quote,
        /// <summary>Argument of \noopsort: produces nothing.</summary>
        Drop,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public RichTag Tag;
        public char Mark;
        public bool SavedPending;
        public char SavedLast;
        public int FirstText;
    }

    /// <summary>One left-to-right pass with an explicit frame stack; open tags are written lazily, when the first
    /// text inside them arrives, so empty elements never appear and spaces stay outside tags.</summary>
    private ref partial struct Engine
    {
        private readonly ReadOnlySpan<char> _src;
        private readonly Span<Frame> _frames;
        private readonly bool _protectCase;
        private RichTextBuffer _out;
        private int _pos;
        private int _frameCount;
        private int _materialized;
        private int _groupDepth;
        private int _braceFrames;
        private int _literalBraces;
        private int _awaitingAccents;
        private int _dropDepth;
        private bool _pendingSpace;
        private char _lastText;
        private bool _dollarExhausted;
        private sbyte _doubleSpaces;
        private DelimitedMathFinder _parenMath;
        private DelimitedMathFinder _bracketMath;

        public Engine(ReadOnlySpan<char> src, bool protectCase, RichTextBuffer output, Span<Frame> frames)
        {
            _src = src;
            _protectCase = protectCase;
            _out = output;
            _frames = frames;
            _doubleSpaces = -1;
            _parenMath = new DelimitedMathFinder(')');
            _bracketMath = new DelimitedMathFinder(']');
        }

        public readonly string Result() => _out.ToString();

        public readonly ReadOnlySpan<char> Written => _out.Written;

        public void Dispose() => _out.Dispose();

        public void Run()
        {
            ReadOnlySpan<char> src = _src;
            while (_pos < src.Length)
            {
                int stop = src[_pos..].IndexOfAny(SlowStops);
                if (stop < 0)
                {
                    AppendRun(src[_pos..]);
                    _pos = src.Length;
                    break;
                }
                if (stop > 0)
                {
                    AppendRun(src.Slice(_pos, stop));
                    _pos += stop;
                }
                char c = src[_pos];
                char next = _pos + 1 < src.Length ? src[_pos + 1] : '\0';
                switch (c)
                {
                    case '\\':
                        Command();
                        break;
                    case '{':
                        OpenBrace();
                        break;
                    case '}':
                        CloseBrace();
                        break;
                    case '~':
                        _pos++;
                        AppendChar('\u00A0');
                        break;
                    case '-':
                        bool em = next == '-' && _pos + 2 < src.Length && src[_pos + 2] == '-';
                        _pos += em ? 3 : next == '-' ? 2 : 1;
                        AppendChar(em ? '—' : next == '-' ? '–' : '-');
                        break;
                    case '$':
                        Dollar();
                        break;
                    case '`':
                        _pos += next == '`' ? 2 : 1;
                        AppendChar(next == '`' ? '“' : '`');
                        break;
                    case '\'':
                        _pos += next == '\'' ? 2 : 1;
                        AppendChar(next == '\'' ? '”' : '\'');
                        break;
                    case '!':
                    case '?':
                        _pos += next == '`' ? 2 : 1;
                        AppendChar(next != '`' ? c : c == '!' ? '¡' : '¿');
                        break;
                    default:
                        _pos++;
                        if (IsWhitespace(c))
                        {
                            _pendingSpace = true;
                        }
                        else
                        {
                            // Decomposed input (e + U+0301) is composed here so the result is NFC.
                            AppendMark(c);
                        }
                        break;
                }
            }
            while (_frameCount > 0)
            {
                Pop(closedByBrace: false);
            }
        }

        private void AppendRun(ReadOnlySpan<char> run)
        {
            if (run[0] == ' ')
            {
                _pendingSpace = true;
                run = run.TrimStart(' ');
                if (run.IsEmpty)
                {
                    return;
                }
            }
            bool trailing = run[^1] == ' ';
            run = run.TrimEnd(' ');
            if (_doubleSpaces < 0)
            {
                // One scan of the whole value, on first need, instead of one per run of plain text.
                _doubleSpaces = (sbyte)(_src.IndexOf("  ") >= 0 ? 1 : 0);
            }
            int gap;
            while (_doubleSpaces > 0 && (gap = run.IndexOf("  ")) >= 0)
            {
                AppendText(run[..gap]);
                _pendingSpace = true;
                run = run[gap..].TrimStart(' ');
            }
            AppendText(run);
            _pendingSpace |= trailing;
        }

        private void AppendText(scoped ReadOnlySpan<char> text)
        {
            if (text.IsEmpty || _dropDepth > 0)
            {
                return;
            }
            BeforeText();
            _out.Append(text);
            _lastText = text[^1];
        }

        private void AppendChar(char c)
        {
            if (_dropDepth > 0)
            {
                return;
            }
            BeforeText();
            _out.Append(c);
            _lastText = c;
        }

        /// <summary>Flushes a pending space (before any pending open tag), writes pending open tags, and tells
        /// accents still waiting where their argument's text starts.</summary>
        private void BeforeText(bool startsCluster = true)
        {
            if (_pendingSpace)
            {
                _pendingSpace = false;
                if (_lastText is not '\0' and not ' ')
                {
                    _out.Append(' ');
                    _lastText = ' ';
                }
            }
            for (; _materialized < _frameCount; _materialized++)
            {
                RichTag tag = _frames[_materialized].Tag;
                if (tag != RichTag.None)
                {
                    _out.Append(LatexTables.OpenTag(tag));
                }
            }
            if (_awaitingAccents > 0 && startsCluster)
            {
                for (int i = _frameCount - 1; i >= 0 && _awaitingAccents > 0; i--)
                {
                    if (_frames[i].Kind == FrameKind.Accent && _frames[i].FirstText < 0)
                    {
                        _frames[i].FirstText = _out.Length;
                        _awaitingAccents--;
                    }
                }
            }
        }

        private void AppendMark(char mark)
        {
            if (_dropDepth > 0)
            {
                return;
            }
            // A mark joins the cluster before it, so it is not the first letter of an accent's argument.
            BeforeText(startsCluster: false);
            if (_out.Length == 0)
            {
                _out.Append(mark);
            }
            else
            {
                ApplyMark(_out.Length - 1, mark, dotless: false);
            }
            _lastText = mark;
        }

        /// <summary>Adds <paramref name="mark"/> to the cluster starting at <paramref name="basePos"/> and
        /// recomposes it to NFC. <paramref name="dotless"/>: an accent command, for which \i and \j lose their
        /// dotlessness under an accent above (\'\i is í).</summary>
        private void ApplyMark(int position, char mark, bool dotless)
        {
            int basePos = position;
            while (basePos > 0 && LatexComposition.IsMark(_out[basePos]))
            {
                basePos--;
            }
            int end = position + 1;
            while (end < _out.Length && LatexComposition.IsMark(_out[end]))
            {
                end++;
            }
            char b = _out[basePos];
            if (dotless && basePos == position && b is 'ı' or 'ȷ' && LatexComposition.IsAbove(mark))
            {
                b = b == 'ı' ? 'i' : 'j';
            }
            if (end == basePos + 1 && LatexComposition.TryCompose(b, mark, out char composite))
            {
                _out[basePos] = composite;
                return;
            }
            int marks = end - basePos - 1;
            if (marks > 8)
            {
                _out.Insert(end, new ReadOnlySpan<char>(in mark));
                return;
            }
            Span<char> cluster = stackalloc char[16];
            int n = LatexComposition.Decompose(b, cluster);
            _out.Written.Slice(basePos + 1, marks).CopyTo(cluster[n..]);
            n += marks;
            cluster[n++] = mark;
            n = LatexComposition.Compose(cluster[..n]);
            _out.Replace(basePos, end, cluster[..n]);
        }

        private void Push(FrameKind kind, RichTag tag = RichTag.None, char mark = '\0')
        {
            ref Frame frame = ref _frames[_frameCount++];
            frame.Kind = kind;
            frame.Tag = tag;
            frame.Mark = mark;
            frame.FirstText = -1;
            frame.SavedPending = _pendingSpace;
            frame.SavedLast = _lastText;
            if (kind is FrameKind.Plain or FrameKind.NoCase or FrameKind.Accent or FrameKind.Literal or FrameKind.Drop)
            {
                _groupDepth++;
            }
            if (kind != FrameKind.Switch)
            {
                _braceFrames++;
            }
            if (kind == FrameKind.Accent)
            {
                _awaitingAccents++;
            }
            else if (kind == FrameKind.Drop)
            {
                _dropDepth++;
            }
        }

        private void Pop(bool closedByBrace)
        {
            Frame frame = _frames[--_frameCount];
            bool written = _frameCount < _materialized;
            if (written)
            {
                _materialized = _frameCount;
                if (frame.Tag != RichTag.None)
                {
                    _out.Append(LatexTables.CloseTag(frame.Tag));
                }
            }
            if (frame.Kind is FrameKind.Plain or FrameKind.NoCase or FrameKind.Accent or FrameKind.Literal or FrameKind.Drop)
            {
                _groupDepth--;
            }
            if (frame.Kind != FrameKind.Switch)
            {
                _braceFrames--;
            }
            switch (frame.Kind)
            {
                case FrameKind.Accent when frame.FirstText < 0 || frame.FirstText >= _out.Length:
                    _awaitingAccents -= frame.FirstText < 0 ? 1 : 0;
                    AppendText(SpacingAccent(frame.Mark));
                    break;
                case FrameKind.Accent:
                    ApplyMark(frame.FirstText, frame.Mark, dotless: true);
                    break;
                case FrameKind.Literal when closedByBrace:
                    AppendChar('}');
                    break;
                case FrameKind.Quote when closedByBrace:
                    AppendChar('”');
                    break;
                case FrameKind.Drop:
                    _dropDepth--;
                    _pendingSpace = frame.SavedPending;
                    _lastText = frame.SavedLast;
                    break;
            }
        }

        private void OpenBrace()
        {
            _pos++;
            if (_frameCount >= MaxDepth)
            {
                _literalBraces++;
                AppendChar('{');
                return;
            }
            if (_pos < _src.Length && _src[_pos] == '}')
            {
                _pos++;
                return;
            }
            bool protect = _protectCase && _groupDepth == 0 && (_pos >= _src.Length || _src[_pos] != '\\');
            Push(protect ? FrameKind.NoCase : FrameKind.Plain, protect ? RichTag.NoCase : RichTag.None);
        }

        private void CloseBrace()
        {
            _pos++;
            if (_literalBraces > 0)
            {
                _literalBraces--;
                AppendChar('}');
                return;
            }
            if (_braceFrames == 0)
            {
                return;
            }
            while (_frames[_frameCount - 1].Kind == FrameKind.Switch)
            {
                Pop(closedByBrace: false);
            }
            bool literal = _frames[_frameCount - 1].Kind == FrameKind.Literal;
            Pop(closedByBrace: true);
            if (literal)
            {
                // \foo{a}{b}: every argument of an unknown command stays verbatim, not just the first.
                OpenLiteralArgument();
            }
        }
    }
}
