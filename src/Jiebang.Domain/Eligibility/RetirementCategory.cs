namespace Jiebang.Domain.Eligibility;

/// <summary>
/// Which retirement schedule applies. A woman's schedule follows her post, not her ID number:
/// the form asks for it, and researchers default to <see cref="WomanCadre55"/>.
/// </summary>
public enum RetirementCategory
{
    /// <summary>Men: 60, rising to 63.</summary>
    Man,

    /// <summary>Women on a cadre, managerial or technical post: 55, rising to 58.</summary>
    WomanCadre55,

    /// <summary>Women on a worker post: 50, rising to 55.</summary>
    WomanWorker50,

    /// <summary>Academicians of the CAS or CAE (院士): 70 (notice annex 4).</summary>
    Academician,
}
