using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace CiteWeb.Index;

/// <summary>
/// The analyser of every text field, at index and at query time: whitespace tokens, ASCII folding ("Kjøsen" ->
/// "kjosen"), then word parts split at hyphens and apostrophes and also joined ("D'Ignazio" -> "d", "ignazio",
/// "dignazio"; "Costanza-Chock" -> "costanza", "chock", "costanzachock"), then lower case. The same chain is
/// written into the OpenSearch mapping (asciifolding, word_delimiter, lowercase).
/// </summary>
public sealed class CiteAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    internal const WordDelimiterFlags Flags = WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.CATENATE_WORDS | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new WhitespaceTokenizer(Version, reader);
        TokenStream stream = new ASCIIFoldingFilter(tokenizer);
        stream = new WordDelimiterFilter(Version, stream, Flags, null);
        stream = new LowerCaseFilter(Version, stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
