namespace Jiebang.Web.Data.Migrations;

/// <summary>
/// The data steps of the Rounds_StagesQuotasFormList migration, per provider: the comma string of
/// forms becomes a JSON list; the recommenders' deadline leaves the settings for the round's
/// stages; quotas keyed by the notice's display names become quotas keyed by unit class and region
/// (the names of the 2024 notice are known; any other name is kept as a note that binds no one
/// until staff name its unit).
/// </summary>
static class RoundsStagesSql
{
    /// <summary>A display name of annex 4 §3.2 → the class of unit (UnitType) and the region it names.</summary>
    static readonly (string Name, int UnitClass, string? Region)[] KnownNames =
    [
        ("杭州市", 8, "330100"), ("温州市", 8, "330300"), ("嘉兴市", 8, "330400"), ("绍兴市", 8, "330600"),
        ("湖州市", 8, "330500"), ("金华市", 8, "330700"), ("丽水市", 8, "331100"), ("衢州市", 8, "330800"),
        ("台州市", 8, "331000"), ("舟山市", 8, "330900"), ("省属本科高校（每校）", 2, null), ("省属科研院所（每所）", 3, null),
    ];

    static string ClassOf(string key) =>
        "CASE " + key + string.Concat(KnownNames.Select(n => $" WHEN '{n.Name}' THEN {n.UnitClass}")) + " ELSE NULL END";

    static string RegionOf(string key) =>
        "CASE " + key + string.Concat(KnownNames.Where(n => n.Region is not null).Select(n => $" WHEN '{n.Name}' THEN '{n.Region}'")) + " ELSE NULL END";

    public static readonly string[] SqliteUp =
    [
        """UPDATE "Rounds" SET "Forms" = CASE WHEN trim("Forms") = '' THEN '[]' ELSE '["' || replace(replace("Forms", ' ', ''), ',', '","') || '"]' END""",
        """UPDATE "Rounds" SET "Stages" = json_array(json_object('kind', 2, 'opensAt', NULL, 'closesAt', json_extract("Settings", '$.recommendationDeadlineAt'))) WHERE json_type("Settings", '$.recommendationDeadlineAt') = 'text'""",
        $$"""
        UPDATE "Rounds" SET "Settings" = json_set(json_remove("Settings", '$.quotaByRecommender', '$.recommendationDeadlineAt'), '$.quotas',
            json((SELECT json_group_array(json_object('unitId', NULL, 'unitClass', {{ClassOf("q.key")}}, 'regionCode', {{RegionOf("q.key")}}, 'limit', q.value, 'note', q.key))
                  FROM json_each(CASE WHEN json_type("Rounds"."Settings", '$.quotaByRecommender') = 'object' THEN json_extract("Rounds"."Settings", '$.quotaByRecommender') ELSE '{}' END) AS q)))
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        """UPDATE "Rounds" SET "Settings" = json_set(json_remove("Settings", '$.quotas'), '$.quotaByRecommender', json((SELECT json_group_object(json_extract(q.value, '$.note'), json_extract(q.value, '$.limit')) FROM json_each("Rounds"."Settings", '$.quotas') AS q)))""",
        """UPDATE "Rounds" SET "Settings" = json_set("Settings", '$.recommendationDeadlineAt', (SELECT json_extract(s.value, '$.closesAt') FROM json_each("Rounds"."Stages") AS s WHERE json_extract(s.value, '$.kind') = 2)) WHERE EXISTS (SELECT 1 FROM json_each("Rounds"."Stages") AS s WHERE json_extract(s.value, '$.kind') = 2)""",
        """UPDATE "Rounds" SET "Forms" = COALESCE((SELECT group_concat(f.value, ',') FROM json_each("Rounds"."Forms") AS f), '')""",
    ];

    public static readonly string[] PostgresUp =
    [
        """UPDATE "Rounds" SET "Forms" = COALESCE(array_to_json(array_remove(string_to_array(replace("Forms", ' ', ''), ','), ''))::text, '[]')""",
        """UPDATE "Rounds" SET "Stages" = jsonb_build_array(jsonb_build_object('kind', 2, 'opensAt', NULL, 'closesAt', "Settings"::jsonb -> 'recommendationDeadlineAt'))::text WHERE jsonb_typeof("Settings"::jsonb -> 'recommendationDeadlineAt') = 'string'""",
        $$"""
        UPDATE "Rounds" SET "Settings" = jsonb_set(("Settings"::jsonb - 'quotaByRecommender' - 'recommendationDeadlineAt'), '{quotas}',
            COALESCE((SELECT jsonb_agg(jsonb_build_object('unitId', NULL, 'unitClass', {{ClassOf("q.key")}}, 'regionCode', {{RegionOf("q.key")}}, 'limit', q.value::int, 'note', q.key))
                      FROM jsonb_each_text(CASE WHEN jsonb_typeof("Settings"::jsonb -> 'quotaByRecommender') = 'object' THEN "Settings"::jsonb -> 'quotaByRecommender' ELSE '{}'::jsonb END) AS q), '[]'::jsonb))::text
        """,
    ];

    public static readonly string[] PostgresDown =
    [
        """UPDATE "Rounds" SET "Settings" = jsonb_set(("Settings"::jsonb - 'quotas'), '{quotaByRecommender}', COALESCE((SELECT jsonb_object_agg(q ->> 'note', (q ->> 'limit')::int) FROM jsonb_array_elements(COALESCE("Settings"::jsonb -> 'quotas', '[]'::jsonb)) AS q), '{}'::jsonb))::text""",
        """UPDATE "Rounds" SET "Settings" = jsonb_set("Settings"::jsonb, '{recommendationDeadlineAt}', s -> 'closesAt')::text FROM (SELECT r."Id" AS id, e AS s FROM "Rounds" r, jsonb_array_elements(r."Stages"::jsonb) AS e WHERE (e ->> 'kind')::int = 2) AS stage WHERE "Rounds"."Id" = stage.id""",
        """UPDATE "Rounds" SET "Forms" = COALESCE((SELECT string_agg(f, ',') FROM jsonb_array_elements_text("Forms"::jsonb) AS f), '')""",
    ];
}
