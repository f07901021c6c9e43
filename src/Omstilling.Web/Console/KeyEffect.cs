namespace Omstilling.Web.Console;

/// <summary>What the page has to do in the browser after a key, beyond rendering the console again.</summary>
public enum KeyEffect
{
    None,

    /// <summary>Put the focus in the search box, its text selected (F2, Ctrl+K).</summary>
    FocusSearch,

    /// <summary>Empty the search box (Esc): the browser owns its text while the operator types.</summary>
    ClearSearch,
}
