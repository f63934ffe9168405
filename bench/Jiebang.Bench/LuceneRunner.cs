using System.Diagnostics;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Jiebang.Bench;

/// <summary>Lucene.NET's MoreLikeThis over CJK bigrams, on an index in a temporary folder.</summary>
internal static class LuceneRunner
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static MethodResult Run(Corpus corpus, int queries)
    {
        var result = new MethodResult("Lucene.NET MoreLikeThis (CJKAnalyzer)", false);
        var folder = Path.Combine(Path.GetTempPath(), "jiebang-bench-lucene-" + Environment.ProcessId);
        var analyzer = new CJKAnalyzer(Version);
        var watch = Stopwatch.StartNew();
        using (var directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 }))
        {
            for (var i = 0; i < corpus.Texts.Length; i++)
                writer.AddDocument([new StoredField("id", i), new TextField("body", corpus.Texts[i], Field.Store.NO)]);
            writer.ForceMerge(1);
            writer.Commit();
        }
        result.BuildSeconds = watch.Elapsed.TotalSeconds;
        result.BytesPerText = System.IO.Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / (double)corpus.Texts.Length;

        watch.Restart();
        using var reader = DirectoryReader.Open(FSDirectory.Open(folder));
        var searcher = new IndexSearcher(reader);
        result.LoadSeconds = watch.Elapsed.TotalSeconds;
        var like = new MoreLikeThis(reader) { Analyzer = analyzer, FieldNames = ["body"], MinTermFreq = 1, MinDocFreq = 2, MaxQueryTerms = 64 };
        result.RunQueries(corpus.Cases, queries, text =>
        {
            var top = searcher.Search(like.Like(new StringReader(text), "body"), 10);
            return [.. top.ScoreDocs.Select(d => (searcher.Doc(d.Doc).GetField("id").GetInt32Value() ?? -1, (double)d.Score))];
        });
        System.IO.Directory.Delete(folder, true);
        return result;
    }
}
