using Omstilling.Directory.Model;
using Omstilling.Storage.DirectoryRows;
using Omstilling.Web.DirectoryAdmin;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// The department head's changes to the directory: a person's title, e-mail, mobile, topics and
/// cover, and the department's topics, through <see cref="DirectoryAdministration"/>, and the
/// department's latest changes from the audit log. Shown only where the directory lives in the
/// database.
/// </summary>
public sealed partial class DepartmentPeoplePage
{
    private Person? _editing;
    private PersonEditDraft? _draft;
    private string _departmentTopics = "";
    private IReadOnlyList<DirectoryAuditEntry> _audit = [];

    private bool Editable => Platform.DirectoryAdmin?.ReadOnlyReason is null && Platform.DirectoryAdmin is not null;

    private IEnumerable<Person> Colleagues(Person person) => Platform.Directory.Current.PeopleIn(person.DepartmentId).Where(p => p.Id != person.Id);

    private async Task SelectDepartment(string? id)
    {
        _department = id;
        _editing = null;
        await LoadDepartmentAsync();
    }

    /// <summary>The chosen department's topics for the form and its latest changes.</summary>
    private async Task LoadDepartmentAsync()
    {
        if (_department is not { } id || Platform.DirectoryAdmin is not { } admin || !Editable)
        {
            return;
        }

        var directory = Platform.Directory.Current;
        _departmentTopics = directory.Departments.TryGetValue(id, out var department) ? string.Join(", ", department.Topics) : "";
        _audit = await admin.ChangesAsync(20, [id, .. directory.PeopleIn(id).Select(p => p.Id)], CancellationToken.None);
    }

    private void Edit(Person person)
    {
        _editing = person;
        _draft = new PersonEditDraft(person);
        _chosen = null;
    }

    private void Cover(string colleague, bool covers)
    {
        if (covers)
        {
            _draft?.CoveredBy.Add(colleague);
        }
        else
        {
            _draft?.CoveredBy.Remove(colleague);
        }
    }

    private async Task SaveEdit()
    {
        if (_editing is not { } person || _draft is not { } draft || Platform.DirectoryAdmin is not { } admin || _user?.MayPostNoticeFor(person.DepartmentId) != true)
        {
            return;
        }

        var colleagues = Colleagues(person).ToList();
        await SaveAsync(() => admin.EditPersonAsync(person, p => draft.ApplyTo(p, colleagues), _user.UserName, CancellationToken.None), $"Oplysningerne om {person.Name} er gemt.");
        if (!_feedback.Bad)
        {
            _editing = null;
        }
    }

    private async Task SaveDepartmentTopics()
    {
        if (_department is not { } id || Platform.DirectoryAdmin is not { } admin || _user?.MayPostNoticeFor(id) != true)
        {
            return;
        }

        var topics = _departmentTopics.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        await SaveAsync(() => admin.SetDepartmentTopicsAsync(id, topics, _user.UserName, CancellationToken.None), "Afdelingens emner er gemt.");
    }

    private async Task SaveAsync(Func<Task<IReadOnlyList<string>>> save, string done)
    {
        try
        {
            var problems = await save();
            if (problems.Count > 0)
            {
                _feedback.Refuse("Ikke gemt: " + string.Join("; ", problems));
                return;
            }

            _feedback.Say(done);
        }
        catch (DirectoryConflictException)
        {
            _feedback.Refuse("Vidensdatabasen blev ændret imens. Åbn oplysningerne igen, og gem dem på ny.");
        }

        await LoadDepartmentAsync();
    }
}
