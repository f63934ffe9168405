using Jiebang.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web;

/// <summary>Service registration and the request pipeline, shared by the app and its test host.</summary>
public static class JiebangApp
{
    public static WebApplicationBuilder AddJiebang(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddJiebangDatabase(builder.Configuration);
        services.AddIdentity<JiebangUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<JiebangDbContext>()
            .AddDefaultTokenProviders();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddHealthChecks().AddDbContextCheck<JiebangDbContext>();
        return builder;
    }

    public static WebApplication UseJiebang(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStaticFiles();
        app.UseRequestLocalization(Localization.Options);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        app.MapCultureSwitch();
        return app;
    }
}
