namespace Jiebang.Domain.Rules;

/// <summary>
/// What a broken rule means for the one who asked: the request was wrong (invalid), names
/// nothing they may see (not found), is not theirs to make (forbidden), or met a state that
/// changed or a value already taken (conflict). Pages and the API answer by the kind.
/// </summary>
public enum ErrorKind
{
    Invalid = 0,
    NotFound = 1,
    Forbidden = 2,
    Conflict = 3,
}
