namespace Omstilling.Directory.Searching;

/// <summary>Which field of a hit matched the query best, for the console to show why it is there.</summary>
public enum MatchedField : byte
{
    /// <summary>The person's or department's name.</summary>
    Name = 0,
    /// <summary>A topic the person or department handles ("pas", "kørekort").</summary>
    Topic = 1,
    /// <summary>The person's job title.</summary>
    Title = 2,
    /// <summary>The name of the person's department.</summary>
    Department = 3,
    /// <summary>The person's extension.</summary>
    Extension = 4,
    /// <summary>A direct number (or the person's mobile).</summary>
    Number = 5,
}
