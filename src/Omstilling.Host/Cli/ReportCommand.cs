using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Omstilling.History.Reports;
using Omstilling.Policy.Loading;
using Omstilling.Storage;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling report --from YYYY-MM-DD --to YYYY-MM-DD [--department ID] [--format table|json|csv]
/// [--data-dir DIR | --database DB] [--policy FILE]</c>: the policy's three goals against their
/// targets over a period of local days (at most a quarter), the figures beside them and the
/// staffing view (Erlang C), from the call history (docs/kpis.md). The first command on
/// System.CommandLine: its options are declared once and its help is generated from them.
/// </summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var from = new Option<DateOnly>("--from") { Description = "The first day of the period (YYYY-MM-DD, local time)", Required = true, CustomParser = OptionParsers.Day };
        var to = new Option<DateOnly>("--to") { Description = "The last day of the period, included (YYYY-MM-DD)", Required = true, CustomParser = OptionParsers.Day };
        var department = new Option<string?>("--department") { Description = "Only the calls that concerned this department (its id in the directory)" };
        var format = new Option<string>("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var dataDirectory = new Option<string>("--data-dir") { Description = "The server's data directory, whose embedded database is read", DefaultValueFactory = _ => "data" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL (postgres://... or Host=...) or a SQLite file, instead of the data directory's" };
        var policyFile = new Option<string?>("--policy") { Description = "The telephone policy whose targets, time zone and main number apply (default: the bundled one)" };
        var command = new Command("report", "The policy's goals against their targets, from the call history")
        {
            from, to, department, format, dataDirectory, database, policyFile,
        };
        var parsed = CliInvocation.ParseUnder(command, args);
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        IEnumerable<string> problems = parsed.Errors.Count > 0 ? parsed.Errors.Select(e => e.Message)
            : parsed.GetValue(to) < parsed.GetValue(from) ? [$"--to ({parsed.GetValue(to):yyyy-MM-dd}) is before --from ({parsed.GetValue(from):yyyy-MM-dd})"]
            : parsed.GetValue(to).DayNumber - parsed.GetValue(from).DayNumber >= ReportQuery.MaximumDays ? [$"the period is longer than {ReportQuery.MaximumDays} days; ask for a quarter at a time"]
            : [];
        if (problems.Any())
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"omstilling report: {problem}");
            }

            await error.WriteLineAsync("omstilling report --help lists the options.");
            return 2;
        }

        var path = parsed.GetValue(policyFile) ?? PolicyFiles.Default();
        var loaded = PolicyLoader.LoadFile(path);
        if (!loaded.Succeeded)
        {
            await error.WriteLineAsync(loaded.Report());
            return 1;
        }

        DatabaseOptions storage;
        try
        {
            storage = parsed.GetValue(database) is { } db ? DatabaseOptions.Parse(db) : DatabaseOptions.EmbeddedIn(parsed.GetValue(dataDirectory)!);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"omstilling report: --database: {e.Message}");
            return 2;
        }

        if (storage.Provider == StorageProvider.Sqlite && storage.DatabaseFile is { } file && !File.Exists(file))
        {
            await error.WriteLineAsync($"omstilling report: there is no call history at {file}; give the server's --data-dir or --database");
            return 1;
        }

        Report report;
        try
        {
            var query = new ReportQuery(parsed.GetValue(from), parsed.GetValue(to)) { DepartmentId = parsed.GetValue(department) };
            report = await new HistoryReports(new OmstillingDatabase(storage)).ReportAsync(query, loaded.Policy!, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await error.WriteLineAsync($"omstilling report: the call history ({storage.Redacted}) cannot be read: {e.Message}");
            return 1;
        }

        await output.WriteAsync(parsed.GetValue(format) switch
        {
            "json" => JsonSerializer.Serialize(ReportJson.Of(report), Json) + "\n",
            "csv" => ReportText.Csv(report.Goals),
            "table" => ReportText.Table(report),
            var other => throw new System.Diagnostics.UnreachableException($"--format {other} passed AcceptOnlyFromAmong"),
        });
        return 0;
    }
}
