using Growth.Dashboard.Security;

namespace Growth.Dashboard.Tests;

/// <summary><c>create-admin</c>: the password from standard input, never a weak one, never an argument.</summary>
public class SecurityAdminCommandTests
{
    static string[] Args(string name) =>
        [AdminCommand.Name, name, $"--Orleans:SiloPort={DashboardHost.FreePort()}", $"--Orleans:GatewayPort={DashboardHost.FreePort()}",
            $"--Orleans:ClusterId=create-admin-{Guid.NewGuid():N}"];

    [Fact]
    public async Task It_creates_an_administrator_with_the_password_read_from_stdin_and_refuses_a_weak_one()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(Args("Root"), new StringReader("a-long-password-from-stdin\n"), output, error));
        Assert.Contains("created administrator root", output.ToString());

        Assert.Equal(2, await AdminCommand.RunAsync(Args("root"), new StringReader("short\n"), output, error));
        Assert.Contains("at least", error.ToString());
        Assert.Equal(2, await AdminCommand.RunAsync([AdminCommand.Name], new StringReader(""), output, error));
        Assert.DoesNotContain("a-long-password-from-stdin", output.ToString() + error);
    }
}
