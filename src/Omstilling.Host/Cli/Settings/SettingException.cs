namespace Omstilling.Host.Cli.Settings;

/// <summary>A setting's value that cannot be used; the message says what is wrong and what is expected, without naming where it came from.</summary>
internal sealed class SettingException : Exception
{
    public SettingException()
        : this("bad value")
    {
    }

    public SettingException(string message)
        : base(message)
    {
    }

    public SettingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
