using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Omstilling.Directory.Loading.Csv;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;
using Omstilling.Policy;
using DanishNumber = Omstilling.Policy.Model.DanishNumber;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Accounts;

/// <summary>
/// Reads an account directory's users (Microsoft Graph <c>/users</c>) as a new version of the
/// directory in use (docs/directory.md, "Sync from Microsoft 365"), which is then previewed and
/// applied as any import. An account is matched to a person by e-mail address:
/// <list type="bullet">
/// <item>a disabled account (<c>accountEnabled: false</c>) takes its person out (left), and out of
/// the colleagues' <c>covered-by</c>;</item>
/// <item>an enabled one gives its person the account's name, title, department, e-mail and mobile
/// (a value the account does not have keeps the directory's); extension, direct numbers, topics,
/// who covers, class of service and calendar stay as they are;</item>
/// <item>an enabled account no person has is a new person, with an extension when a business phone
/// is one (2-6 digits) that nobody has.</item>
/// </list>
/// Departments are matched by name (or id, case and Danish letters folded) to the directory's, or
/// through the administrator's <see cref="DepartmentNameMap"/>; an unknown name is a warning and
/// is never made a department: the person keeps theirs, a new account is not added. People no
/// account matches are kept. The result is written as YAML and loaded by
/// <see cref="DirectoryLoader"/>, so the rules are those of a file. Diagnostics name the source
/// and the account's place in its answer (<c>Microsoft 365:12:1</c>). Pure and thread-safe.
/// </summary>
public static class AccountDirectoryReader
{
    private const int NamesShown = 5;

    public static DirectoryLoadResult Load(IReadOnlyList<DirectoryAccount> accounts, string sourceName, DirectoryFile? basis, TelephonePolicy? policy, DepartmentNameMap departments)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(departments);
        var merged = policy is not null ? StaffDirectory.FromPolicy(policy, basis) : basis is not null ? StaffDirectory.FromFile(basis) : StaffDirectory.Empty;
        var problems = new List<YamlDiagnostic>();
        var resolver = new DepartmentResolver(merged, departments);
        foreach (var (name, id) in departments.Entries.Where(e => !merged.Departments.ContainsKey(e.Value)))
        {
            problems.Add(new(DiagnosticSeverity.Error, new SourceLocation(sourceName, 1, 1), $"{DepartmentNameMap.Variable} maps '{name}' to '{id}', which is not a department of the directory; expected one of {string.Join(", ", merged.Departments.Keys.Order(StringComparer.Ordinal))}"));
        }

        var sync = new Sync(sourceName, basis?.People ?? [], merged, resolver, problems);
        for (var i = 0; i < accounts.Count; i++)
        {
            sync.Take(accounts[i], i + 1);
        }

        sync.Summarise();
        var file = new DirectoryFile(sourceName, basis?.Areas ?? [], basis?.Departments ?? [], [.. sync.People]);
        return Check(file, sync.AccountLines, problems, policy);
    }

    /// <summary>The version checked by the file's rules; a problem in a person is reported at the account it came from.</summary>
    private static DirectoryLoadResult Check(DirectoryFile file, IReadOnlyDictionary<string, int> accountLines, List<YamlDiagnostic> problems, TelephonePolicy? policy)
    {
        var sections = new StringBuilder();
        DirectoryYaml.WriteSections(sections, file.Areas, file.Departments);
        var peopleLine = sections.ToString().Count(c => c == '\n') + 1;
        var diagnostics = new DiagnosticBag(file.SourceFile, mark =>
        {
            var row = (int)mark.Line - peopleLine - 1;
            return row >= 0 && row < file.People.Length && accountLines.TryGetValue(file.People[row].Id, out var line)
                ? new SourceLocation(file.SourceFile, line, 1)
                : new SourceLocation(CsvDirectoryReader.BasisName, (int)mark.Line, (int)mark.Column);
        });
        foreach (var problem in problems)
        {
            if (problem.Severity == DiagnosticSeverity.Error)
            {
                diagnostics.Error(problem.Location, problem.Message);
            }
            else
            {
                diagnostics.Warning(problem.Location, problem.Message);
            }
        }

        return DirectoryLoader.Load(DirectoryYaml.Write(file), diagnostics, policy);
    }

    /// <summary>Department names to ids: the administrator's map first, then the directory's names and ids, folded.</summary>
    private sealed class DepartmentResolver
    {
        private readonly DepartmentNameMap _map;
        private readonly Dictionary<string, string> _byFolded = new(StringComparer.Ordinal);

        public DepartmentResolver(StaffDirectory directory, DepartmentNameMap map)
        {
            _map = map;
            foreach (var department in directory.Departments.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
            {
                _byFolded.TryAdd(DanishText.Fold(department.Id), department.Id);
                _byFolded.TryAdd(DanishText.Fold(department.Name), department.Id);
            }
        }

        public string? IdFor(string name) => _map.IdFor(name) ?? _byFolded.GetValueOrDefault(DanishText.Fold(name.Trim()));
    }

    /// <summary>One sync's work: the people as they become, and what is reported. Not thread-safe (one per load).</summary>
    private sealed class Sync(string sourceName, ImmutableArray<Person> stored, StaffDirectory merged, DepartmentResolver departments, List<YamlDiagnostic> problems)
    {
        private readonly Dictionary<string, Person> _byMail = stored.Where(p => p.Email is { Length: > 0 })
            .GroupBy(p => p.Email!.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> _seenMail = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _ids = [.. stored.Select(p => p.Id), .. merged.People.Keys];
        private readonly HashSet<string> _extensions = [.. stored.Concat(merged.People.Values).Select(p => p.Extension).OfType<string>()];
        private readonly Dictionary<string, int> _accountLines = new(StringComparer.Ordinal);
        private readonly HashSet<string> _left = new(StringComparer.Ordinal);
        private int _withoutMail;
        private int _withoutDepartment;

        public List<Person> People { get; } = [.. stored];

        public IReadOnlyDictionary<string, int> AccountLines => _accountLines;

        public void Take(DirectoryAccount account, int line)
        {
            var at = new SourceLocation(sourceName, line, 1);
            if (account.Mail?.Trim() is not { Length: > 0 } mail)
            {
                _withoutMail++;
                return;
            }

            if (!_seenMail.Add(mail))
            {
                Warn(at, $"the e-mail address {mail} is on more than one account; only the first is used");
                return;
            }

            if (_byMail.TryGetValue(mail, out var person))
            {
                Update(account, person, mail, at, line);
            }
            else if (account.Enabled)
            {
                Add(account, mail, at, line);
            }
        }

        /// <summary>Those who left are taken out of everyone's <c>covered-by</c> (shown as a change of those people), then what was skipped is reported.</summary>
        public void Summarise()
        {
            for (var i = 0; i < People.Count; i++)
            {
                if (People[i].CoveredBy.Any(_left.Contains))
                {
                    People[i] = People[i] with { CoveredBy = [.. People[i].CoveredBy.Where(id => !_left.Contains(id))] };
                }
            }


            var at = new SourceLocation(sourceName, 1, 1);
            if (_withoutMail > 0)
            {
                Warn(at, Count(_withoutMail, "account has", "accounts have") + " no e-mail address and cannot be matched to a person; skipped");
            }

            if (_withoutDepartment > 0)
            {
                Warn(at, Count(_withoutDepartment, "new account has", "new accounts have") + " no department and are not added");
            }

            var unmatched = stored.Where(p => p.Email is not { Length: > 0 } email || !_seenMail.Contains(email.Trim())).Select(p => p.Name).ToList();
            if (unmatched.Count > 0)
            {
                var names = string.Join(", ", unmatched.Take(NamesShown)) + (unmatched.Count > NamesShown ? ", ..." : "");
                Warn(at, $"{Count(unmatched.Count, "person", "people")} of the directory matched no account by e-mail address and are kept as they are ({names})");
            }
        }

        private void Update(DirectoryAccount account, Person person, string mail, SourceLocation at, int line)
        {
            var index = People.IndexOf(person);
            if (!account.Enabled)
            {
                People.RemoveAt(index);
                _left.Add(person.Id);
                return;
            }

            _accountLines[person.Id] = line;
            var name = account.Name ?? person.Name;
            var updated = person with
            {
                Name = name,
                Title = Text(account.JobTitle) ?? person.Title,
                Email = string.Equals(person.Email?.Trim(), mail, StringComparison.OrdinalIgnoreCase) ? person.Email : mail,
                Mobile = Mobile(account, name, at) ?? person.Mobile,
            };
            if (Text(account.Department) is { } department)
            {
                if (departments.IdFor(department) is { } id)
                {
                    updated = updated with { DepartmentId = id };
                }
                else
                {
                    Warn(at, $"department '{department}' of {name} ({mail}) is not a department of the directory; {name} stays in '{person.DepartmentId}'. {Remedy}");
                }
            }

            People[index] = updated;
        }

        private void Add(DirectoryAccount account, string mail, SourceLocation at, int line)
        {
            if (Text(account.Department) is not { } department)
            {
                _withoutDepartment++;
                return;
            }

            if (account.Name is not { } name || DanishText.Slug(name) is not { Length: > 0 } slug)
            {
                Warn(at, $"the account {mail} has no name an id can be made from; not added");
                return;
            }

            if (departments.IdFor(department) is not { } departmentId)
            {
                Warn(at, $"department '{department}' of {name} ({mail}) is not a department of the directory; {name} is not added. {Remedy}");
                return;
            }

            var id = slug;
            for (var n = 2; !_ids.Add(id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }

            _accountLines[id] = line;
            People.Add(new Person(id, name, departmentId)
            {
                Title = Text(account.JobTitle),
                Email = mail,
                Mobile = Mobile(account, name, at),
                Extension = Extension(account, name, at),
            });
        }

        /// <summary>A business phone that is an extension (2-6 digits) nobody has; a taken one is reported.</summary>
        private string? Extension(DirectoryAccount account, string name, SourceLocation at)
        {
            foreach (var phone in account.BusinessPhones.Select(p => p.Replace(" ", "", StringComparison.Ordinal).Trim()))
            {
                if (!DanishNumber.IsExtension(phone))
                {
                    continue;
                }

                if (_extensions.Add(phone))
                {
                    return phone;
                }

                Warn(at, $"the business phone {phone} of {name} is an extension someone in the directory has; {name} is added without an extension");
            }

            return null;
        }

        private string? Mobile(DirectoryAccount account, string name, SourceLocation at)
        {
            if (Text(account.MobilePhone) is not { } mobile)
            {
                return null;
            }

            if (DanishNumber.TryParse(mobile, out var number))
            {
                return number.National;
            }

            Warn(at, $"the mobile phone '{mobile}' of {name} is not a Danish number (8 digits, or +45 and 8 digits); not used");
            return null;
        }

        private void Warn(SourceLocation at, string message) => problems.Add(new(DiagnosticSeverity.Warning, at, message));

        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{n} {many}");

        private const string Remedy = "Add the department to the directory, or map the name in " + DepartmentNameMap.Variable + ".";
    }
}
