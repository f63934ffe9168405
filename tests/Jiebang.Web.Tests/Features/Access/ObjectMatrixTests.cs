using System.Net;
using System.Text;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Access;

/// <summary>
/// Every route that takes a demand's id × the records a persona may or may not reach: its own
/// record, another unit's record sent to the bureau, another unit's draft, and another unit's record
/// still with the association. What a persona may not see answers 404, so ids cannot be probed;
/// what it may see but not change answers 403.
/// </summary>
[Trait("Category", "Database")]
public sealed class ObjectMatrixTests(ObjectMatrixTests.Host host) : IClassFixture<ObjectMatrixTests.Host>
{
    public enum Record { OwnSubmitted, OtherUnitsDirect, OtherUnitsDraft, OtherUnitsAtAssociation }

    /// <summary>A route on a demand, and whether it reads it or changes it.</summary>
    public sealed record Route(string Method, string Url, bool Writes, string? Body = null);

    const string Multipart = "multipart";

    public static readonly Route[] Routes =
    [
        new("GET", "/Demands/Details/{id}", false),
        new("GET", "/Demands/Print/{id}", false),
        new("GET", "/Demands/Diff/{id}?from=1&to=1", false),
        new("GET", "/api/demands/{id}", false),
        new("GET", "/api/demands/{id}/diff?from=1&to=1", false),
        new("GET", "/api/demands/{id}/scans", false),
        new("GET", "/api/demands/{id}/docx", false),
        new("PUT", "/api/demands/{id}/draft", true, "{}"),
        new("POST", "/api/demands/{id}/submit", true),
        new("POST", "/api/demands/{id}/withdraw", true),
        new("DELETE", "/api/demands/{id}", true),
        new("POST", "/api/demands/{id}/scans", true, Multipart),
        new("POST", "/api/demands/{id}/docx", true, Multipart),
    ];

    /// <summary>Who reaches which record: the owner its own, the association what was sent through it, the bureau what reached it.</summary>
    static bool Sees(string persona, Record record) => (persona, record) switch
    {
        (_, Record.OwnSubmitted) when persona == "applicant-a" => true,
        ("recommender", Record.OtherUnitsAtAssociation) => true,
        ("staff" or "admin", Record.OtherUnitsDirect or Record.OwnSubmitted) => true, // both went straight to the bureau
        _ => false,
    };

    static readonly string[] PersonaNames = ["applicant-a", "recommender", "expert", "admin", "staff"];

    public static TheoryData<string, Record> Cases => new(
        from route in Routes
        from record in Enum.GetValues<Record>()
        select (route.Method + " " + route.Url, record));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_EachPersonaOnEachRecord_ReachesOnlyWhatItMaySee(string key, Record record)
    {
        var route = Routes.Single(r => r.Method + " " + r.Url == key);
        var id = host.Ids[record];
        var failures = new List<string>();
        foreach (var persona in PersonaNames)
        {
            // The owner's own writes change the record; the flow tests cover them.
            if (route.Writes && persona == "applicant-a" && record == Record.OwnSubmitted) continue;
            var expected = !Sees(persona, record) ? HttpStatusCode.NotFound
                : route.Writes ? HttpStatusCode.Forbidden
                : (HttpStatusCode?)null;
            var client = await host.ClientFor(persona);
            var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url.Replace("{id}", id.ToString()));
            if (route.Body == Multipart)
                request.Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-"u8.ToArray()), "file", "scan.pdf" } };
            else if (route.Body is not null) request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var ok = expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
            if (!ok) failures.Add($"{persona}: expected {(expected?.ToString() ?? "success")}, got {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, $"{key} on {record}: " + string.Join("; ", failures));
    }

    [Fact]
    public async Task Lists_EachPersona_ListOnlyWhatItMaySee()
    {
        foreach (var (persona, url) in new[]
                 {
                     ("applicant-a", "/api/demands"), ("recommender", "/api/demands/sent-to-me"),
                     ("staff", "/api/demands/inbox"), ("admin", "/api/demands/inbox"),
                 })
        {
            var body = await (await host.ClientFor(persona)).GetStringAsync(url, TestContext.Current.CancellationToken);
            var listed = System.Text.Json.JsonDocument.Parse(body).RootElement;
            var rows = listed.ValueKind == System.Text.Json.JsonValueKind.Array ? listed : listed.GetProperty("rows");
            var ids = rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToHashSet();
            foreach (var (record, id) in host.Ids)
                Assert.True(ids.Contains(id) == Sees(persona, record), $"{persona} {url}: {record} listed {ids.Contains(id)}");
        }
    }

    public sealed class Host : IAsyncLifetime
    {
        public JiebangFactory App { get; } = new();
        public Dictionary<Record, int> Ids { get; } = [];
        readonly Dictionary<string, HttpClient> _clients = [];

        public async ValueTask InitializeAsync()
        {
            await App.InitializeAsync();
            App.NewClient();
            var personas = await Personas.CreateAsync(App.Services);
            Ids[Record.OwnSubmitted] = await TestDemands.SubmittedAsync(App, personas.UnitA);
            Ids[Record.OtherUnitsDirect] = await TestDemands.SubmittedAsync(App, personas.UnitB);
            Ids[Record.OtherUnitsDraft] = await TestDemands.DraftAsync(App, personas.UnitB);
            Ids[Record.OtherUnitsAtAssociation] = await TestDemands.SubmittedAsync(App, personas.UnitB, personas.Association);
        }

        public async Task<HttpClient> ClientFor(string persona)
        {
            if (!_clients.TryGetValue(persona, out var client))
                _clients[persona] = client = await App.SignedInAsync(persona);
            return client;
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
