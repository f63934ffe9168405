using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>Seed data that ships with the product: the Zhejiang region list and the preset rounds.</summary>
public static class ReferenceData
{
    public static async Task SeedAsync(JiebangDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(cancellationToken))
        {
            db.Regions.AddRange(LoadRegions());
            await db.SaveChangesAsync(cancellationToken);
        }
        await SeedFormsAndTaxonomiesAsync(db, cancellationToken);
        await Features.Recommendation.LetterTemplates.SeedAsync(db, clock, cancellationToken);
        foreach (var role in Roles.All)
            if (!await db.Roles.AnyAsync(r => r.Name == role, cancellationToken))
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        var now = clock.GetUtcNow();
        foreach (var preset in RoundPresets.All)
        {
            if (await db.Rounds.AnyAsync(r => r.PresetKey == preset.Key, cancellationToken)) continue;
            db.Rounds.Add(new Round
            {
                PresetKey = preset.Key, Kind = preset.Kind, Title = preset.Title,
                OpensAt = preset.OpensAt, ClosesAt = preset.ClosesAt, Forms = [.. preset.Forms], Stages = [.. preset.Stages],
                TaxonomyKey = preset.TaxonomyKey, Settings = preset.Settings, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the shipped form definitions and taxonomies that the database does not have yet.</summary>
    static async Task SeedFormsAndTaxonomiesAsync(JiebangDbContext db, CancellationToken cancellationToken)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "SeedData");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "forms"), "*.json"))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var form = Jiebang.Domain.Forms.FormDefinition.Parse(json);
            var stored = await db.FormDefinitions.FirstOrDefaultAsync(f => f.Key == form.Key && f.Version == form.Version, cancellationToken);
            if (stored is null)
                db.FormDefinitions.Add(new FormDefinitionRecord { Key = form.Key, Version = form.Version, Json = json });
            // A shipped version stored before definitions said how they are filed gets that section, and only that.
            else if (FormDefinition.Parse(stored.Json) is var old && FormJson.Same(old.Filing, new FormFiling()) && !FormJson.Same(old.Filing, form.Filing)
                && FormJson.Same(old with { Filing = form.Filing }, form))
                stored.Json = json;
            // A shipped version whose only change is a help text (a hint beside a field, not what is filed) takes the new wording.
            else if (stored.Json != json && System.Text.Json.Nodes.JsonNode.DeepEquals(WithoutHelp(stored.Json), WithoutHelp(json)))
                stored.Json = json;
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "taxonomies"), "*.json"))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var taxonomy = Jiebang.Domain.Forms.Taxonomy.Parse(json);
            if (!await db.Taxonomies.AnyAsync(t => t.Key == taxonomy.Key, cancellationToken))
                db.Taxonomies.Add(new TaxonomyRecord { Key = taxonomy.Key, Json = json });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A form definition's JSON without its help texts (helpZh, helpEn at any depth).</summary>
    static System.Text.Json.Nodes.JsonNode? WithoutHelp(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Strip(node);
        return node;

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject members)
            {
                foreach (var key in members.Select(m => m.Key).Where(k => k is "helpZh" or "helpEn").ToList()) members.Remove(key);
                foreach (var member in members) Strip(member.Value);
            }
            else if (node is System.Text.Json.Nodes.JsonArray items)
                foreach (var item in items) Strip(item);
        }
    }

    public static IEnumerable<Region> LoadRegions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SeedData", "zhejiang_regions.tsv");
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            yield return new Region
            {
                Code = f[0], Name = f[1], City = f[2], IsMountain26 = f[3] == "true", IsIsland = f[4] == "true",
                Level = f[5], InMountainIslandList202408 = f[6] == "true", InMountainIslandList202505 = f[7] == "true",
            };
        }
    }
}
