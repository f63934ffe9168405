using System.Collections.Concurrent;
using Jiebang.Domain.Forms;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Forms;

/// <summary>
/// Form definitions and taxonomies as data in the database; parsed once per key and version.
/// A new year's form is a new row, not a release.
/// </summary>
public sealed class FormRegistry(IServiceScopeFactory scopes)
{
    readonly ConcurrentDictionary<(string, int), FormDefinition?> _forms = new();
    readonly ConcurrentDictionary<string, Taxonomy?> _taxonomies = new();

    public async Task<FormDefinition?> FormAsync(string key, int version = 0, CancellationToken cancellationToken = default)
    {
        if (version == 0) version = await LatestVersionAsync(key, cancellationToken);
        if (_forms.TryGetValue((key, version), out var cached)) return cached;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var json = await db.FormDefinitions.Where(f => f.Key == key && f.Version == version).Select(f => f.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return _forms[(key, version)] = json is null ? null : FormDefinition.Parse(json);
    }

    public async Task<Taxonomy?> TaxonomyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_taxonomies.TryGetValue(key, out var cached)) return cached;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var json = await db.Taxonomies.Where(t => t.Key == key).Select(t => t.Json).FirstOrDefaultAsync(cancellationToken);
        return _taxonomies[key] = json is null ? null : Taxonomy.Parse(json);
    }

    async Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        return await db.FormDefinitions.Where(f => f.Key == key).Select(f => (int?)f.Version).MaxAsync(cancellationToken) ?? 0;
    }
}
