using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features;

public sealed class LocalizationTests : IAsyncLifetime
{
    readonly JiebangFactory _app = new();
    public async ValueTask InitializeAsync() => await _app.InitializeAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Register_ByDefault_IsChinese_AndEnglishAfterTheSwitch()
    {
        var client = _app.NewClient();
        var chinese = await client.GetStringAsync("/Units/Register", TestContext.Current.CancellationToken);
        Assert.Contains("统一社会信用代码", chinese);
        Assert.Contains("lang=\"zh-CN\"", chinese);

        await client.GetAsync("/culture?c=en-US&returnUrl=/Units/Register", TestContext.Current.CancellationToken);
        var english = await client.GetStringAsync("/Units/Register", TestContext.Current.CancellationToken);
        Assert.Contains("Unified social credit code", english);
        Assert.Contains("lang=\"en-US\"", english);
    }

    [Fact]
    public async Task CultureSwitch_ForeignReturnUrl_StaysOnTheSite()
    {
        var response = await _app.NewClient().GetAsync("/culture?c=en-US&returnUrl=//evil.example/", TestContext.Current.CancellationToken);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
