using Omstilling.Host.Cli;
using Omstilling.Host.Cli.Settings;

namespace Omstilling.Host.Tests.Cli;

/// <summary>run's settings from a file, the environment and the command line, a later source winning; config show.</summary>
public sealed class RunConfigurationTests : IDisposable
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-config-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    private static RunOptions Options(Dictionary<string, string> environment, params string[] args) => RunCommandLine.Options(args, environment);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_the_file()
    {
        Write("omstilling.yaml", "Sip:\n  Port: 5070\nWeb:\n  Port: 8090\nMedia:\n  Threads: 2\n");
        var environment = new Dictionary<string, string> { ["OMSTILLING__WEB__PORT"] = "8091", ["OMSTILLING__MEDIA__THREADS"] = "3" };

        var options = Options(environment, "--data-dir", _data, "--media-threads", "4");

        Assert.Equal((5070, 8091, 4), (options.SipPort, options.WebPort, options.MediaThreads));
    }

    [Fact]
    public void An_appsettings_json_in_the_data_directory_is_read_too()
    {
        Write("appsettings.json", """{ "Sip": { "Port": 5071, "Bind": ["127.0.0.1", "::1"] }, "Demo": { "Enabled": true } }""");

        var options = Options([], "--data-dir", _data);

        Assert.Equal(5071, options.SipPort);
        Assert.True(options.Demo);
        Assert.Equal(["127.0.0.1", "::1"], options.Bind.Select(a => a.ToString()));
    }

    [Fact]
    public void A_file_given_by_config_is_read_wherever_it_is()
    {
        var file = Write("elsewhere.yml", "Sip:\n  Bind: [127.0.0.1]\nLogging:\n  Level: warning\n");

        var options = Options([], "--config", file);

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, options.LogLevel);
        Assert.Equal([System.Net.IPAddress.Loopback], options.Bind);
    }

    [Fact]
    public void A_bad_value_in_the_file_is_reported_at_its_file_line_and_column()
    {
        var file = Write("omstilling.yaml", "Sip:\n  Port: 5060\nWeb:\n  Port: otte\n");

        var error = Assert.Throws<UsageException>(() => Options([], "--data-dir", _data));

        Assert.Equal($"{file}:4:9: Web:Port: 'otte' is not a port number (1-65535)", error.Message);
    }

    [Fact]
    public void A_misspelt_key_in_the_file_is_refused_with_the_keys_expected()
    {
        Write("omstilling.yaml", "Sip:\n  Prot: 5060\n");

        var error = Assert.Throws<UsageException>(() => Options([], "--data-dir", _data));

        Assert.Contains("unknown setting 'Sip:Prot'; expected one of: Sip:Port, Web:Port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_the_environment_names_the_variable()
    {
        var error = Assert.Throws<UsageException>(() => Options(new() { ["OMSTILLING__SIP__PORT"] = "0" }));

        Assert.Equal("OMSTILLING__SIP__PORT: '0' is not a port number (1-65535)", error.Message);
    }

    [Fact]
    public void A_password_in_the_configuration_file_is_refused_with_where_to_keep_it()
    {
        Write("omstilling.yaml", "Trunk:\n  Address: 127.0.0.1:5099\n  User: omstilling\n  Password: hemmelig\n");

        var error = Assert.Throws<UsageException>(() => Options([], "--data-dir", _data));

        Assert.Contains("Trunk:PasswordFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("OMSTILLING_TRUNK_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_come_from_the_environment_or_from_password_files()
    {
        var smtpPassword = Write("smtp-password", "postkasse\n");
        var fromEnvironment = Options(new() { ["OMSTILLING_TRUNK_PASSWORD"] = "hemmelig" }, "--trunk", "127.0.0.1:5099", "--trunk-user", "omstilling");
        var fromFile = Options([], "--smtp", "127.0.0.1:25", "--smtp-user", "omstilling", "--smtp-password-file", smtpPassword);

        Assert.Equal("hemmelig", fromEnvironment.TrunkPassword);
        Assert.Equal("postkasse", fromFile.Smtp!.Password);
    }

    [Fact]
    public void A_password_file_on_the_command_line_beats_the_password_in_the_environment()
    {
        var file = Write("trunk-password", "fra-filen");

        var options = Options(new() { ["OMSTILLING_TRUNK_PASSWORD"] = "fra-miljoeet" }, "--trunk", "127.0.0.1:5099", "--trunk-password-file", file);

        Assert.Equal("fra-filen", options.TrunkPassword);
    }

    [Fact]
    public void A_password_file_that_cannot_be_read_is_a_usage_error_naming_it()
    {
        var error = Assert.Throws<UsageException>(() => Options([], "--smtp", "127.0.0.1:25", "--smtp-password-file", Path.Combine(_data, "missing")));

        Assert.StartsWith("--smtp-password-file: the password file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_smtp_password_in_the_environment_alone_asks_for_no_mail_server()
    {
        Assert.Null(Options(new() { ["OMSTILLING_SMTP_PASSWORD"] = "postkasse" }).Smtp);
    }

    [Fact]
    public async Task Config_show_prints_every_setting_with_its_source_and_masks_the_secrets()
    {
        var file = Write("omstilling.yaml", "Sip:\n  Port: 5070\nStorage:\n  Database: postgres://omstilling:dbhemmelig@127.0.0.1:5432/omstilling\n");
        var environment = new Dictionary<string, string> { ["OMSTILLING__WEB__PORT"] = "8091", ["OMSTILLING_TRUNK_PASSWORD"] = "hemmelig" };

        var (exit, output, error) = await CliRunner.RunAsync(environment, "config", "show", "--data-dir", _data, "--rtp-ports", "12000-12100");

        Assert.True(exit == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToDictionary(row => row[0]);
        Assert.Equal(["SETTING", "OPTION", "VALUE", "SOURCE"], rows["SETTING"]);
        Assert.Equal(["Sip:Port", "--sip-port", "5070", $"{file}:2:9"], rows["Sip:Port"]);
        Assert.Equal(["Web:Port", "--web-port", "8091", "environment OMSTILLING__WEB__PORT"], rows["Web:Port"]);
        Assert.Equal(["Media:RtpPorts", "--rtp-ports", "12000-12100", "command line --rtp-ports"], rows["Media:RtpPorts"]);
        Assert.Equal(["Trunk:Password", "OMSTILLING__TRUNK__PASSWORD", "****", "environment OMSTILLING_TRUNK_PASSWORD"], rows["Trunk:Password"]);
        Assert.Equal(["Logging:Level", "--log-level", "information", "default"], rows["Logging:Level"]);
        Assert.Equal(RunSettings.All.Count + 1, rows.Count);
        Assert.DoesNotContain("hemmelig", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_refuses_a_setting_as_run_would()
    {
        var (exit, _, error) = await CliRunner.RunAsync(new Dictionary<string, string> { ["OMSTILLING__SIP__PORTT"] = "5060" }, "config", "show", "--data-dir", _data);

        Assert.Equal(2, exit);
        Assert.Contains("the environment variable OMSTILLING__SIP__PORTT: unknown setting 'SIP:PORTT'", error, StringComparison.Ordinal);
    }
}
