namespace Omstilling.Host.Tests.Cli;

/// <summary>Every command's generated help, its usage errors and its exit codes (0 ok, 1 failure, 2 usage).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var (exit, output, error) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        foreach (var command in new[] { "run", "check", "explain", "prompts", "config", "report", "simulate", "users", "phones" })
        {
            Assert.Matches($@"(?m)^  {command}\b", output);
        }
    }

    [Fact]
    public async Task The_version_is_printed_and_exits_0()
    {
        var (exit, output, _) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+", output);
    }

    [Theory]
    [InlineData("run", "--sip-port <port>")]
    [InlineData("run", "--trunk-password-file <file>")]
    [InlineData("check", "<FILE>")]
    [InlineData("explain", "--at <YYYY-MM-DD HH:MM>")]
    [InlineData("prompts", "generate")]
    [InlineData("prompts generate", "--out <dir>")]
    [InlineData("prompts list", "--policy <file>")]
    [InlineData("config", "show")]
    [InlineData("config show", "--config <file>")]
    [InlineData("report", "--from")]
    [InlineData("simulate", "--server")]
    [InlineData("users", "add")]
    [InlineData("phones", "passwd")]
    public async Task Every_command_has_generated_help_with_its_options(string command, string shown)
    {
        var (exit, output, error) = await CliRunner.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains(shown, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_of_run_hides_the_refused_password_options()
    {
        var (_, output, _) = await CliRunner.RunAsync("run", "--help");

        Assert.DoesNotContain("--trunk-password ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--smtp-password ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--no-such-option")]
    [InlineData("run", "--sip-port")]
    [InlineData("run", "--sip-port", "seventy")]
    [InlineData("run", "--simulate")]
    [InlineData("check")]
    [InlineData("check", "a.yaml", "b.yaml")]
    [InlineData("explain")]
    [InlineData("explain", "54731000", "--at", "24-12-2026 19:00")]
    [InlineData("explain", "54731000", "--lang", "fr")]
    [InlineData("prompts")]
    [InlineData("prompts", "say")]
    [InlineData("prompts", "list", "--out", "x")]
    [InlineData("config")]
    [InlineData("config", "show", "--web-port", "0")]
    [InlineData("report", "--from", "2026-12-01")]
    [InlineData("simulate", "--day", "2026-12-01")]
    [InlineData("users", "add")]
    [InlineData("phones", "frob")]
    public async Task A_bad_command_line_exits_2_with_the_error_and_a_hint_to_help_on_standard_error(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("omstilling", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_list_prints_each_standard_prompt_with_its_text_and_exits_0()
    {
        var (exit, output, error) = await CliRunner.RunAsync("prompts", "list");

        Assert.True(exit == 0, error);
        Assert.Contains("\ndu-er-nummer\t", "\n" + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_at_all_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync();

        Assert.Equal(2, exit);
        Assert.Contains("omstilling --help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trunk-password", "--trunk-password-file", "OMSTILLING_TRUNK_PASSWORD")]
    [InlineData("--smtp-password", "--smtp-password-file", "OMSTILLING_SMTP_PASSWORD")]
    public async Task A_password_argument_is_refused_with_how_to_give_it(string option, string file, string variable)
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", "--smtp", "127.0.0.1:25", option, "hemmelig");

        Assert.Equal(2, exit);
        Assert.Contains($"{option} is refused", error, StringComparison.Ordinal);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains(variable, error, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelig", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completions_of_run_options_come_from_the_same_definitions()
    {
        var (exit, output, _) = await CliRunner.RunAsync("[suggest:18]", "omstilling run --sip");

        Assert.Equal(0, exit);
        Assert.Contains("--sip-port", output, StringComparison.Ordinal);
    }
}
