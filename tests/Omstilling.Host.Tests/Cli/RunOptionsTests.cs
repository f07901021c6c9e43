using Omstilling.Host.Cli;

namespace Omstilling.Host.Tests.Cli;

public sealed class RunOptionsTests
{
    [Fact]
    public void Media_threads_are_the_platform_default_unless_given()
    {
        Assert.Null(RunOptions.Parse([]).MediaThreads);
        Assert.Equal(3, RunOptions.Parse(["--media-threads", "3"]).MediaThreads);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("two")]
    [InlineData("-1")]
    public void A_media_thread_count_out_of_range_is_a_usage_error_naming_the_option(string value)
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--media-threads", value]));
        Assert.Contains("--media-threads", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_database_is_a_usage_error_before_anything_starts()
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--database", "postgres://db.example/"]));
        Assert.Contains("--database", error.Message, StringComparison.Ordinal);
        Assert.Contains("names no database", error.Message, StringComparison.Ordinal);
        Assert.Equal(Omstilling.Storage.StorageProvider.PostgreSql, RunOptions.Parse(["--database", "postgres://u:p@db.example:5432/omstilling"]).Database!.Provider);
    }

    [Fact]
    public void Unsolicited_message_waiting_is_off_unless_asked_for()
    {
        Assert.False(RunOptions.Parse([]).UnsolicitedMwi);
        Assert.True(RunOptions.Parse(["--unsolicited-mwi"]).UnsolicitedMwi);
    }

    [Fact]
    public void The_periodic_directory_sync_is_off_unless_asked_for_and_only_off_preview_or_apply()
    {
        Assert.Equal(Omstilling.Host.Directories.DirectorySyncMode.Off, RunOptions.Parse([]).DirectorySync);
        Assert.Equal(Omstilling.Host.Directories.DirectorySyncMode.Preview, RunOptions.Parse(["--directory-sync", "preview"]).DirectorySync);
        Assert.Equal(Omstilling.Host.Directories.DirectorySyncMode.Apply, RunOptions.Parse(["--directory-sync", "apply"]).DirectorySync);
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--directory-sync", "always"]));
        Assert.Contains("'always' is not off, preview or apply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_management_listener_is_an_address_and_a_port_of_its_own()
    {
        Assert.Null(RunOptions.Parse([]).Management);
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 8081), RunOptions.Parse(["--management", "127.0.0.1:8081"]).Management);
        Assert.Equal(9090, RunOptions.Parse(["--management", "[::1]:9090"]).Management!.Port);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:8081")]
    [InlineData("127.0.0.1:0")]
    public void A_management_listener_without_an_address_and_port_is_a_usage_error(string value)
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--management", value]));
        Assert.Contains("--management", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_management_listener_cannot_share_the_web_port()
    {
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["--web-port", "8085", "--management", "127.0.0.1:8085"]));
        Assert.Contains("port of its own", error.Message, StringComparison.Ordinal);
    }
}
