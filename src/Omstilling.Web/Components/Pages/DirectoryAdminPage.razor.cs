using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Omstilling.Storage.DirectoryRows;
using Omstilling.Web.Auth;
using Omstilling.Web.Console;
using Omstilling.Web.DirectoryAdmin;

namespace Omstilling.Web.Components.Pages;

/// <summary>
/// "Vidensdatabase" (administrators): a CSV or YAML file imported into the directory kept in the
/// database, its changes shown first and applied on request (refused if the directory changed in
/// between), the same for Microsoft 365's users ("Hent fra Microsoft 365", when Graph is
/// configured), and the audit log of every change made by anyone. The work is done by
/// <see cref="DirectoryAdministration"/>; this page only shows it.
/// </summary>
public sealed partial class DirectoryAdminPage
{
    /// <summary>The largest file accepted: 5,000 people are about 1 MB.</summary>
    private const long LargestUpload = 10 * 1024 * 1024;

    private const int ShownChanges = 200;

    private bool _interactive;
    private bool _working;
    private SignedInUser? _user;
    private DirectoryImportPreview? _preview;
    private IReadOnlyList<DirectoryAuditEntry> _audit = [];
    private ConsoleFeedback _feedback = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Auth { get; set; }

    private DirectoryAdministration? Admin => Platform.DirectoryAdmin;

    protected override async Task OnInitializedAsync()
    {
        _feedback = new ConsoleFeedback(Platform.Time);
        _user = Auth is null ? null : SignedInUser.From((await Auth).User);
        await LoadAuditAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task LoadAuditAsync() => _audit = Admin is null ? [] : await Admin.ChangesAsync(100, null, CancellationToken.None);

    private async Task Upload(InputFileChangeEventArgs e)
    {
        if (Admin is null)
        {
            return;
        }

        _working = true;
        try
        {
            using var reader = new StreamReader(e.File.OpenReadStream(LargestUpload), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            var text = await reader.ReadToEndAsync();
            _preview = await Admin.PreviewAsync(text, e.File.Name, CancellationToken.None);
        }
        catch (IOException ex)
        {
            _preview = null;
            _feedback.Refuse($"Filen kunne ikke læses: {ex.Message} (højst {LargestUpload / (1024 * 1024)} MB)");
        }
        catch (System.Text.DecoderFallbackException)
        {
            _preview = null;
            _feedback.Refuse("Filen er ikke gemt som UTF-8. Gem den som \"CSV UTF-8\" i regnearket, og prøv igen.");
        }
        finally
        {
            _working = false;
        }
    }

    /// <summary>"Hent fra Microsoft 365": the users read and previewed as an import.</summary>
    private async Task Sync()
    {
        if (Admin is not { AccountSourceName: { } source })
        {
            return;
        }

        _working = true;
        try
        {
            _preview = await Admin.PreviewAccountsAsync(CancellationToken.None);
        }
        catch (Omstilling.Directory.Loading.Accounts.DirectoryAccountSourceException ex)
        {
            _preview = null;
            _feedback.Refuse($"{source} kunne ikke læses, så intet er ændret: {ex.Message}");
        }
        finally
        {
            _working = false;
        }
    }

    private async Task Apply()
    {
        if (Admin is null || _preview is not { CanApply: true } preview || _user is null)
        {
            return;
        }

        _working = true;
        try
        {
            var changes = await Admin.ApplyAsync(preview, _user.UserName, CancellationToken.None);
            _preview = null;
            _feedback.Say($"{changes} ændringer er gennemført, og vidensdatabasen er i brug.");
        }
        catch (DirectoryConflictException)
        {
            _preview = null;
            _feedback.Refuse("Vidensdatabasen er ændret, siden filen blev indlæst. Indlæs filen igen for at se ændringerne mod den nye udgave.");
        }
        finally
        {
            _working = false;
        }

        await LoadAuditAsync();
    }
}
