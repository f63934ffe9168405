namespace Jiebang.Bench;

internal static class PgTrgmRunner
{
    public static MethodResult Run(Corpus corpus, int queries, double threshold) => throw new NotSupportedException("pg_trgm is not wired yet");
}
