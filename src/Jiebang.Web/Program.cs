using Jiebang.Web;
using Jiebang.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddJiebang();

var app = builder.Build();
await DatabaseSetup.MigrateAndSeedAsync(app.Services);
if (app.Environment.IsDevelopment()) await DemoData.SeedAsync(app.Services);
app.UseJiebang();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
