using Omstilling.Directory.Loading;
using Omstilling.Directory.Loading.Csv;
using Omstilling.Policy.Model;

namespace Omstilling.Directory.Tests.Loading;

/// <summary>A CSV file of people is read with the directory file's rules, and every problem is reported at its CSV line and column.</summary>
public sealed class CsvDirectoryReaderTests
{
    private static DirectoryFile Basis => Repository.DirectoryResult.File!;

    [Fact]
    public void A_semicolon_file_from_a_spreadsheet_gives_the_people_with_lists_numbers_and_calendars_and_keeps_the_departments()
    {
        const string csv = "\uFEFFName;Department;Extension;Title;Topics;Direct;Direct-Partners;Covered-by;Calendar-Microsoft365\r\n"
            + "Anne Sørensen;borgerservice;2010;Borgerservicemedarbejder;pas, kørekort;54 73 21 10;54 73 21 11, 54 73 21 12;bo-bj-jensen;anne@guldborgsund.example\r\n"
            + "\r\n"
            + "\"Bo \"\"BJ\"\" Jensen\";borgerservice;2011;\"Leder; borgerservice\";;;;;\r\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(Basis.Departments.Length, result.File.Departments.Length);
        Assert.Equal(Basis.Areas.Length, result.File.Areas.Length);
        var anne = result.File.People[0];
        Assert.Equal("anne-soerensen", anne.Id);
        Assert.Equal(["pas", "kørekort"], anne.Topics.ToArray());
        Assert.Equal([("54732110", false), ("54732111", true), ("54732112", true)], anne.DirectNumbers.Select(n => (n.Number, n.IsPartnersOnly)));
        Assert.Equal(["bo-bj-jensen"], anne.CoveredBy.ToArray());
        Assert.Equal("anne@guldborgsund.example", anne.Calendar?.Microsoft365);
        var bo = result.File.People[1];
        Assert.Equal(("bo-bj-jensen", "Bo \"BJ\" Jensen", "Leder; borgerservice"), (bo.Id, bo.Name, bo.Title));
        Assert.Equal(2, result.File.People.Length);
    }

    [Fact]
    public void Problems_are_reported_at_the_csv_line_and_column_of_the_cell_and_nothing_is_given()
    {
        const string csv = "name,department,extension,direct,topics\n"
            + "Anne Sørensen,borgerservice,2010,,pas\n"
            + "Bo Jensen,ingen-afdeling,20x1,,\n"
            + "Carl Hansen,borgerservice,2012,5473,pas;x\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "folk.csv:3:11: error: department 'ingen-afdeling' of person 'Bo Jensen' is not known; expected a department of this file or the policy: " + string.Join(", ", Repository.Demo.Departments.Keys.Order(StringComparer.Ordinal)),
                "folk.csv:3:26: error: '20x1' is not an extension; expected 2 to 6 digits not starting with 0, such as 2010",
                "folk.csv:4:32: error: '5473' is not a Danish phone number; expected 8 digits such as 54 73 20 10",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_second_use_of_an_id_names_the_csv_line_of_the_first()
    {
        const string csv = "id,name,department\nanne,Anne Sørensen,borgerservice\nanne,Anne Andersen,borgerservice\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.Equal(["folk.csv:3:1: error: person id 'anne' is used twice (also at line 2); expected unique ids (give one of them an 'id')"], result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("name,afdeling\nAnne,borgerservice\n", "folk.csv:1:6: error: unknown column 'afdeling'; expected one of id, name, title, department, extension, email, mobile, direct, direct-partners, topics, covered-by, calendar-ics, calendar-microsoft365, class-of-service|folk.csv:1:1: error: the header has no 'department' column; expected at least name, department")]
    [InlineData("name,department,name\nAnne,borgerservice,Anne\n", "folk.csv:1:17: error: column 'name' is named twice; expected each column once")]
    [InlineData("name,department\nAnne,borgerservice,2010\n", "folk.csv:2:20: error: the row has 3 cells but the header names 2 columns; expected at most 2 (a cell holding ',' must be in quotes)")]
    [InlineData("name,department\n\"Anne,borgerservice\n", "folk.csv:2:1: error: this quote is never closed; expected a closing '\"' (a quote inside a cell is written twice: \"\")")]
    [InlineData("name,department\n\"Anne\"x,borgerservice\n", "folk.csv:2:7: error: a quoted cell ends at column 6, but 'x' follows; expected the delimiter ',' or the end of the line after a closing quote")]
    [InlineData("", "folk.csv:1:1: error: the file is empty; expected a header row such as name,department")]
    public void A_malformed_file_is_reported_where_it_is_malformed(string csv, string expected)
    {
        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.False(result.Succeeded);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), result.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_quoted_cell_over_two_lines_counts_both_and_the_next_row_is_placed_right()
    {
        const string csv = "name,department,title,extension\n\"Anne\nSørensen\",borgerservice,x,2010\nBo Jensen,borgerservice,y,abc\n";

        var result = CsvDirectoryReader.Load(csv, "folk.csv", Basis, Repository.Policy);

        Assert.Equal(["folk.csv:4:27: error: 'abc' is not an extension; expected 2 to 6 digits not starting with 0, such as 2010"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_how_to_save_it()
    {
        var path = Path.Combine(System.IO.Directory.CreateTempSubdirectory("omstilling-csv-").FullName, "folk.csv");
        File.WriteAllBytes(path, [.. "name,department\nS"u8, 0xF8, .. "ren,borgerservice\n"u8]);

        var result = CsvDirectoryReader.LoadFile(path, Basis, Repository.Policy);

        Assert.Equal([$"{path}:1:1: error: the file is not UTF-8 text; expected a CSV file saved as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Numbers_of_the_partners_column_are_partners_only()
    {
        var result = CsvDirectoryReader.Load("name,department,direct-partners\nAnne,borgerservice,54 73 21 11\n", "folk.csv", Basis, Repository.Policy);

        Assert.True(result.Succeeded, result.Report());
        Assert.Equal(NumberVisibility.PartnersOnly, Assert.Single(result.File.People[0].DirectNumbers).Visibility);
    }
}
