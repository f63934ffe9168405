namespace Jiebang.Bench;

internal enum CaseType { NearDuplicate, Paraphrase, ReusedParagraph, Unrelated, ReusedPassage }

/// <summary>
/// A query text and the corpus record it was made from (-1 for an unrelated text); a reused passage
/// also has the passage's length in normalised 字 and the length of the text it was put into.
/// </summary>
internal sealed record Case(CaseType Type, string Text, int Source, int PassageChars = 0, int HostChars = 0);

internal sealed record Corpus(string[] Texts, int[] Areas, List<Case> Cases)
{
    /// <summary>Lengths in normalised 字 of the reused passages planted, and of the texts they are put in.</summary>
    public static readonly int[] PassageLengths = [40, 50, 80, 120];
    public static readonly int[] PassageHosts = [200, 700];

    /// <summary>N texts over the eight areas, and <paramref name="perType"/> planted queries of each type.</summary>
    public static Corpus Generate(int size, int perType, int seed = 42)
    {
        var generator = new Generator(seed);
        var projects = new Project[size];
        for (var i = 0; i < size; i++) projects[i] = generator.NewProject(i % Vocabulary.Areas.Length);
        var random = new Random(seed + 1);
        var cases = new List<Case>();
        foreach (var type in Enum.GetValues<CaseType>().Where(t => t != CaseType.ReusedPassage))
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
        // Short passages (two sentences of a description, say) copied into new texts of two sizes.
        foreach (var host in PassageHosts)
            foreach (var chars in PassageLengths)
                for (var q = 0; q < perType / 2; q++)
                {
                    var source = random.Next(size);
                    cases.Add(new Case(CaseType.ReusedPassage, generator.ReusedPassage(projects[source], chars, host), source, chars, host));
                }
        return new Corpus([.. projects.Select(p => p.Text)], [.. projects.Select(p => p.Area)], cases);
    }
}
