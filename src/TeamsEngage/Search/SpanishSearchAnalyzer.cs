using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace TeamsEngage.Search;

/// <summary>
/// Spanish as people type it in chat: the stock analyser's light stemmer keeps "olvidad" and "olvidé" apart, and a
/// question typed without accents ("contrasena", "instalacion") would miss its answer. The Snowball stemmer joins the
/// verb forms; folding before it makes accents optional, because the stemmer then sees
/// "instalación" and "instalacion" alike.
/// </summary>
internal sealed class SpanishSearchAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream stream = new LowerCaseFilter(version, source);
        stream = new StopFilter(version, stream, SpanishAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SnowballFilter(stream, new SpanishStemmer());
        return new TokenStreamComponents(source, stream);
    }
}
