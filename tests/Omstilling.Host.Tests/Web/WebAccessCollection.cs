namespace Omstilling.Host.Tests.Web;

/// <summary>The access tests share one in-process server (<see cref="WebAccessFixture"/>), one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class WebAccessCollection : ICollectionFixture<WebAccessFixture>
{
    public const string Name = "Web access";
}
