using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace TeamsEngage.Search;

/// <summary>One text that can be found, under the caller's key (an FAQ entry, a feedback item).</summary>
public sealed record SearchEntry(string Key, string Text);

/// <summary>
/// An entry that shares words with the query. <paramref name="Score"/> is BM25 (comparable within one call only);
/// <paramref name="Coverage"/> is the share, from 0 to 1, of the query's meaningful words found in the entry, which
/// callers use as the threshold because it means the same whatever the collection.
/// </summary>
public sealed record SearchMatch(string Key, double Score, double Coverage);

/// <summary>
/// Ranks a small collection of texts against a query the way a search engine would: words are reduced to their stems
/// in the person's language (English or Spanish), stop words do not count, and rare shared words weigh
/// more than common ones (BM25). Collections here are tens to a few thousand short texts, so each call builds its
/// index in memory and throws it away: nothing is cached that could go stale or leak between tenants.
/// </summary>
public sealed class TextSearch : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string KeyField = "key";
    private const string TextField = "text";

    // Enough words for any question a person types; a pasted essay is cut rather than refused.
    private const int MaxQueryTerms = 64;

    private readonly EnglishAnalyzer _english = new(Version);
    private readonly SpanishSearchAnalyzer _spanish = new(Version);

    /// <summary>The entries sharing at least one meaningful word with <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<SearchMatch> Find(IEnumerable<SearchEntry> entries, string query, CultureInfo culture, int take)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);

        var analyzer = AnalyzerFor(culture);
        var queryTerms = Terms(analyzer, query ?? string.Empty).Take(MaxQueryTerms).ToArray();
        var list = entries as IReadOnlyCollection<SearchEntry> ?? [.. entries];
        if (queryTerms.Length == 0 || list.Count == 0)
        {
            return [];
        }

        using var directory = new RAMDirectory();
        Index(directory, analyzer, list);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var top = searcher.Search(QueryOf(queryTerms), take);

        var matches = new List<SearchMatch>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            var key = document.Get(KeyField, CultureInfo.InvariantCulture);
            var found = Terms(analyzer, document.Get(TextField, CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
            var coverage = queryTerms.Count(found.Contains) / (double)queryTerms.Length;
            matches.Add(new SearchMatch(key, hit.Score, coverage));
        }
        return matches;
    }

    /// <summary>The meaningful words of <paramref name="text"/> as the search sees them (stemmed, distinct, in order).</summary>
    public IReadOnlyList<string> MeaningfulWords(string text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return [.. Terms(AnalyzerFor(culture), text ?? string.Empty)];
    }

    public void Dispose()
    {
        _english.Dispose();
        _spanish.Dispose();
    }

    private Analyzer AnalyzerFor(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "es" ? _spanish : _english;

    private static void Index(Lucene.Net.Store.Directory directory, Analyzer analyzer, IReadOnlyCollection<SearchEntry> entries)
    {
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() };
        using var writer = new IndexWriter(directory, config);
        foreach (var entry in entries)
        {
            writer.AddDocument(
            [
                new StringField(KeyField, entry.Key, Field.Store.YES),
                new Lucene.Net.Documents.TextField(TextField, entry.Text ?? string.Empty, Field.Store.YES),
            ]);
        }
        writer.Commit();
    }

    private static BooleanQuery QueryOf(IEnumerable<string> terms)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
        }
        return query;
    }

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(TextField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (seen.Add(word))
            {
                terms.Add(word);
            }
        }
        stream.End();
        return terms;
    }
}
