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
}
