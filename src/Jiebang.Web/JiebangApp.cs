using System.Threading.RateLimiting;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Pages;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web;

/// <summary>Service registration and the request pipeline, shared by the app and its test host.</summary>
public static class JiebangApp
{
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddJiebang(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddJiebangDatabase(builder.Configuration);
        services.AddDataProtection().SetApplicationName("Jiebang").PersistKeysToDbContext<JiebangDbContext>();
        services.AddSingleton<Features.Security.KeyFiles>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Features.Security.KeyFiles>((o, keys) => o.XmlEncryptor = new Features.Security.KeyFileXmlEncryptor(keys));
        services.AddIdentity<JiebangUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<JiebangDbContext>()
            .AddSignInManager<Features.Accounts.JiebangSignInManager>()
            .AddDefaultTokenProviders()
            .AddUserStore<Features.Security.ProtectedUserStore>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<JiebangClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "jiebang.auth";
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ApiAware(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddSingleton<SignInAddressFailures>();
        services.AddScoped<SignInThrottle>();
        var loginsPerMinute = builder.Configuration.GetValue("RateLimits:LoginPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = Features.Security.PasswordWork.Limiter(
                builder.Configuration.GetValue("RateLimits:PasswordChecksAtOnce", Environment.ProcessorCount));
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        // Chinese text stays readable in the HTML instead of &#x...; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Units").AllowAnonymousToPage("/Units/Register");
                o.Conventions.AuthorizeFolder("/Rounds");
                o.Conventions.AuthorizeFolder("/Audit");
                o.Conventions.AuthorizeFolder("/Blacklist");
                o.Conventions.AuthorizeFolder("/Accounts");
                o.Conventions.AuthorizeFolder("/Demands");
                o.Conventions.AuthorizeFolder("/Proposals");
                o.Conventions.AuthorizeFolder("/Recommend");
                o.Conventions.AuthorizeFolder("/FormalReview");
                o.Conventions.AuthorizeFolder("/Inbox");
                o.Conventions.AuthorizeFolder("/Similarity");
                o.Conventions.AuthorizeFolder("/Guidelines");
                o.Conventions.AuthorizeFolder("/Letters");
                o.Conventions.AuthorizePage("/Account/SetupAuthenticator");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddOurMessagesOnly();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new Features.Security.StrictEnumConverter()));
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<JiebangDbContext>();
        services.AddJiebangFeatures();
        services.AddAuditChain(builder.Configuration, builder.Environment.ContentRootPath, runChainer: true);
        services.Configure<Documents.WordImportOptions>(builder.Configuration.GetSection(Documents.WordImportOptions.Section));
        return builder;
    }

    static Func<Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, Task> ApiAware(int status) =>
        context =>
        {
            if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
            else context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };

    public static WebApplication UseJiebang(this WebApplication app)
    {
        Features.Security.KeyCheck.RequireKeys(app);
        app.Services.GetRequiredService<Features.Files.FileStore>().RemoveAbandonedUploads(TimeSpan.FromHours(1));
        // First, so that HSTS, the rate limits and the same-site checks see the browser's scheme and address.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        });
        Features.Security.SecurityHeaders.UseSecurityHeaders(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                // A request Kestrel refused (too large, malformed) is the sender's fault: its 4xx, not a 500.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }
        app.UseStaticFiles();
        app.UseRequestLocalization(Localization.Options);
        Features.Security.ApiRequestProblems.UseApiRequestProblems(app);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        Features.Security.CookieApiCsrf.UseCookieApiCsrf(app);
        app.UseTwoFactorRequirement();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi();
        app.MapRazorPages();
        app.MapCultureSwitch();
        app.MapJiebangApis();
        return app;
    }
}
