namespace Omstilling.Policy.Explaining;

/// <summary>The language of an explanation. What callers hear is quoted in Danish either way.</summary>
public enum ExplainLanguage
{
    Danish = 0,
    English = 1,
}
