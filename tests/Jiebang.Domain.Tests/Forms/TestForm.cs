using Jiebang.Domain.Forms;

namespace Jiebang.Domain.Tests.Forms;

/// <summary>A one-off form for the field types no annex uses (e-mail, date, a row maximum).</summary>
static class TestForm
{
    public static FormDefinition With(params FieldDefinition[] fields) => new()
    {
        Key = "test",
        Version = 1,
        TitleZh = "测试表",
        TitleEn = "Test form",
        Clause = "test",
        Fields = fields,
    };

    public static FieldDefinition Field(string key, FieldType type, string labelZh, bool required = false) =>
        new() { Key = key, Type = type, LabelZh = labelZh, LabelEn = key, Required = required };
}
