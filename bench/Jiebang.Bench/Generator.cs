using System.Text;
using Jiebang.Domain.Similarity;

namespace Jiebang.Bench;

/// <summary>A generated project text, kept as sentences so that planted copies can be edited sentence by sentence.</summary>
internal sealed record Project(int Area, string Title, List<List<string>> Paragraphs, string[] Words, string[] Objects)
{
    public string Text => Title + "\n" + string.Join("\n", Paragraphs.Select(p => string.Concat(p)));
}

/// <summary>
/// Writes project texts the way applications read: area boilerplate at the start, a few
/// paragraphs of content built from the area's objects and processes and the project's own
/// words, and the usual promises at the end.
/// </summary>
internal sealed class Generator(int seed)
{
    private readonly Random _random = new(seed);

    public Project NewProject(int area)
    {
        var (_, objects, _) = Vocabulary.Areas[area];
        // The project's own vocabulary: what makes two projects of one area different work.
        var words = Enumerable.Range(0, 16).Select(_ => Word()).ToArray();
        var focus = Enumerable.Range(0, 3).Select(_ => Pick(Vocabulary.Modifiers) + Pick(objects)).ToArray();
        var project = new Project(area, Title(area, focus, words), [], words, focus);
        project.Paragraphs.Add([Global(), AreaBoilerplate(area), Sentence(project), Sentence(project)]);
        for (var p = 0; p < 3; p++) project.Paragraphs.Add([.. Enumerable.Range(0, _random.Next(4, 7)).Select(_ => Sentence(project))]);
        project.Paragraphs.Add([Global(), AreaBoilerplate(area), Global()]);
        return project;
    }

    /// <summary>A resubmission: new title, sentences reordered, some deleted and inserted, synonyms swapped.</summary>
    public string NearDuplicate(Project source) => Edit(source, replace: 0.0, delete: 0.1, insert: 0.1, synonym: 0.5);

    /// <summary>A heavier paraphrase: a third of the sentences rewritten, nearly every synonym swapped.</summary>
    public string Paraphrase(Project source) => Edit(source, replace: 0.35, delete: 0.1, insert: 0.1, synonym: 0.9);

    /// <summary>New text of the same area with one content paragraph of the source, at least 100 字, inside.</summary>
    public string ReusedParagraph(Project source)
    {
        var paragraph = string.Concat(source.Paragraphs[1 + _random.Next(3)]);
        var fresh = NewProject(source.Area);
        fresh.Paragraphs.Insert(1 + _random.Next(fresh.Paragraphs.Count - 1), [paragraph]);
        return fresh.Text;
    }

    /// <summary>
    /// A new text of the source's area, about <paramref name="hostChars"/> 字 long, with a passage of
    /// exactly <paramref name="passageChars"/> normalised 字 of the source's content paragraphs inside,
    /// starting at one of its sentences.
    /// </summary>
    public string ReusedPassage(Project source, int passageChars, int hostChars)
    {
        var content = string.Concat(source.Paragraphs.Skip(1).Take(source.Paragraphs.Count - 2).SelectMany(p => p));
        var normalized = TextNormalizer.Normalize(content);
        var starts = Enumerable.Range(0, content.Length).Where(i => i == 0 || content[i - 1] == '。').ToList();
        var start = starts[_random.Next(starts.Count)];
        var from = Array.FindIndex(normalized.Offsets, o => o >= start);
        if (from < 0 || from + passageChars > normalized.Text.Length) from = Math.Max(0, normalized.Text.Length - passageChars);
        var to = normalized.Offsets[Math.Min(normalized.Text.Length, from + passageChars) - 1] + 1;
        var passage = content[normalized.Offsets[from]..to];

        var fresh = NewProject(source.Area);
        var sentences = fresh.Paragraphs.SelectMany(p => p).ToList();
        var text = new StringBuilder(fresh.Title).Append('\n');
        var own = new List<string>();
        foreach (var sentence in sentences.Skip(2)) // past the opening boilerplate
        {
            if (own.Sum(s => s.Length) + sentence.Length > Math.Max(hostChars - fresh.Title.Length - passage.Length, 40)) break;
            own.Add(sentence);
        }
        own.Insert(_random.Next(own.Count + 1), passage + "。");
        return text.Append(string.Concat(own)).ToString();
    }

    private string Edit(Project source, double replace, double delete, double insert, double synonym)
    {
        var edited = new Project(source.Area, Title(source.Area, source.Objects, source.Words), [], source.Words, source.Objects);
        foreach (var paragraph in source.Paragraphs)
        {
            var sentences = new List<string>();
            foreach (var sentence in paragraph)
            {
                if (_random.NextDouble() < delete) continue;
                sentences.Add(_random.NextDouble() < replace ? Sentence(source) : Swap(sentence, synonym));
                if (_random.NextDouble() < insert) sentences.Add(Sentence(source));
            }
            if (sentences.Count > 1 && _random.NextDouble() < 0.5) Shuffle(sentences);
            edited.Paragraphs.Add(sentences);
        }
        var middle = edited.Paragraphs.GetRange(1, edited.Paragraphs.Count - 2);
        Shuffle(middle);
        edited.Paragraphs.RemoveRange(1, middle.Count);
        edited.Paragraphs.InsertRange(1, middle);
        return edited.Text;
    }

    private string Swap(string sentence, double probability)
    {
        foreach (var (from, to) in Vocabulary.Synonyms)
            if (sentence.Contains(from, StringComparison.Ordinal) && _random.NextDouble() < probability)
                sentence = sentence.Replace(from, to, StringComparison.Ordinal);
        return sentence;
    }

    private string Sentence(Project project)
    {
        var (_, objects, processes) = Vocabulary.Areas[project.Area];
        var frame = Pick(Vocabulary.Frames);
        var subject = _random.Next(3) == 0 ? Pick(objects) : Pick(project.Objects);
        if (_random.Next(4) == 0) return Specific(project);
        return string.Format(frame, subject, Pick(processes), Pick(Vocabulary.Problems), Pick(Vocabulary.Methods), _random.Next(5, 100), Pick(project.Words) + Pick(project.Words));
    }

    /// <summary>A sentence in the project's own terms, as the technical core of an application reads.</summary>
    private string Specific(Project project)
    {
        var sentence = new StringBuilder();
        for (var i = _random.Next(3, 6); i > 0; i--) sentence.Append(Pick(project.Words)).Append(Pick(Vocabulary.Connectors));
        sentence.Append(Pick(project.Words)).Append('。');
        return sentence.ToString();
    }

    private string Title(int area, string[] focus, string[] words) =>
        $"{Pick(words)}{Pick(focus)}{Pick(Vocabulary.Areas[area].Processes)}关键技术研究及{Pick(["应用", "示范", "产业化"])}";

    private string Global() => Pick(Vocabulary.GlobalBoilerplate);

    private string AreaBoilerplate(int area) => string.Format(Pick(Vocabulary.AreaBoilerplate), Vocabulary.Areas[area].Name);

    private string Word()
    {
        var word = new StringBuilder();
        for (var i = _random.Next(2, 5); i > 0; i--) word.Append(Vocabulary.CommonChars[_random.Next(Vocabulary.CommonChars.Length)]);
        return word.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
