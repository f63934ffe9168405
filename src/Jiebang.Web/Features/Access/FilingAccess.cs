namespace Jiebang.Web.Features.Access;

/// <summary>What a use case needs to do with a filing it loads: read it, or work on it as its owner.</summary>
public enum FilingAccess { View, Edit }
