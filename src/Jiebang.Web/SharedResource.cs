namespace Jiebang.Web;

/// <summary>Marker for the UI texts in Resources/SharedResource*.resx (zh-CN first, en-US beside).</summary>
public sealed class SharedResource;
