namespace Jiebang.Bench;

internal enum CaseType { NearDuplicate, Paraphrase, ReusedParagraph, Unrelated }

/// <summary>A query text and the corpus record it was made from (-1 for an unrelated text).</summary>
internal sealed record Case(CaseType Type, string Text, int Source);

internal sealed record Corpus(string[] Texts, int[] Areas, List<Case> Cases)
{
    /// <summary>N texts over the eight areas, and <paramref name="perType"/> planted queries of each type.</summary>
    public static Corpus Generate(int size, int perType, int seed = 42)
    {
        var generator = new Generator(seed);
        var projects = new Project[size];
        for (var i = 0; i < size; i++) projects[i] = generator.NewProject(i % Vocabulary.Areas.Length);
        var random = new Random(seed + 1);
        var cases = new List<Case>();
        foreach (var type in Enum.GetValues<CaseType>())
            for (var q = 0; q < perType; q++)
            {
                var source = random.Next(size);
                cases.Add(type switch
                {
                    CaseType.NearDuplicate => new Case(type, generator.NearDuplicate(projects[source]), source),
                    CaseType.Paraphrase => new Case(type, generator.Paraphrase(projects[source]), source),
                    CaseType.ReusedParagraph => new Case(type, generator.ReusedParagraph(projects[source]), source),
                    _ => new Case(type, generator.NewProject(source % Vocabulary.Areas.Length).Text, -1),
                });
            }
        return new Corpus([.. projects.Select(p => p.Text)], [.. projects.Select(p => p.Area)], cases);
    }
}
