using HostDoc.Etc.WebServers;
using Xunit;

namespace HostDoc.Tests.Etc;

/// <summary>nginx, Apache and lighttpd configuration as far as sendfile and document roots go: inheritance, overrides, quoting, comments, includes.</summary>
public sealed class WebServerConfigTests
{
    [Fact]
    public void Nginx_sendfile_is_a_block_setting_inherited_downwards_wherever_it_stands_in_the_block()
    {
        const string conf = """
            # sendfile set after the server block still applies to it (block settings are not ordered)
            http {
                server {
                    server_name "a.test";
                    root /srv/a;            # a comment after a directive
                    location /x { sendfile off; }
                    location /y { alias '/srv/y dir/'; }
                }
                sendfile on;
                server { listen 81; location / { root html; } }
            }
            """;
        var roots = NginxConfig.Roots("nginx.conf", conf);
        Assert.Contains(roots, r => r is { Path: "/srv/a", Sendfile: true, Context: "http › server a.test", DefinedAt: "nginx.conf:5", SendfileAt: "nginx.conf:9" });
        Assert.Contains(roots, r => r is { Path: "/srv/a", Sendfile: false, Context: "http › server a.test › location /x", SendfileAt: "nginx.conf:6" });
        Assert.Contains(roots, r => r is { Path: "/srv/y dir", Sendfile: true });
        Assert.Contains(roots, r => r is { Path: "/usr/share/nginx/html", Sendfile: true });
        Assert.Equal(4, roots.Count);
    }

    [Fact]
    public void Nginx_default_is_off_and_escapes_and_unbalanced_braces_do_not_break_it()
    {
        var roots = NginxConfig.Roots("n", "server { root /a\\ b; } } } server { sendfile on; root \"/c;d\"; ");
        Assert.Contains(roots, r => r is { Path: "/a b", Sendfile: false, SendfileAt: "default (off)" });
        Assert.Contains(roots, r => r is { Path: "/c;d", Sendfile: true });
        Assert.Empty(NginxConfig.Roots("n", "\"unterminated { root /x;"));
    }

    [Fact]
    public void Apache_takes_the_longest_directory_then_the_virtual_host_then_the_server()
    {
        const string conf = """
            EnableSendfile On
            DocumentRoot /var/www/html
            <VirtualHost *:80>
                DocumentRoot "/vagrant/public"
                <Directory /vagrant>
                    EnableSendfile off
                </Directory>
                <Directory /vagrant/public/big>
                    EnableSendfile On
                </Directory>
                Alias /big /vagrant/public/big
                Alias /other \
                      /srv/other
            </VirtualHost>
            <virtualhost *:81>
              enablesendfile OFF
              documentroot /srv/b
            </virtualhost>
            """;
        var roots = ApacheConfig.Roots("apache2.conf", conf);
        Assert.Contains(roots, r => r is { Path: "/var/www/html", Sendfile: true, Context: "server config", SendfileAt: "apache2.conf:1" });
        Assert.Contains(roots, r => r is { Path: "/vagrant/public", Sendfile: false, SendfileAt: "apache2.conf:6" });
        Assert.Contains(roots, r => r is { Path: "/vagrant/public/big", Sendfile: true, SendfileAt: "apache2.conf:9" });
        Assert.Contains(roots, r => r is { Path: "/srv/other", Sendfile: true, DefinedAt: "apache2.conf:12" });
        Assert.Contains(roots, r => r is { Path: "/srv/b", Sendfile: false, Context: "VirtualHost *:81" });
    }

    [Fact]
    public void Lighttpd_uses_sendfile_unless_the_backend_is_writev()
    {
        Assert.Contains(LighttpdConfig.Roots("l", "server.document-root        = \"/var/www/html\" # comment\n"), r => r is { Path: "/var/www/html", Sendfile: true });
        Assert.Contains(LighttpdConfig.Roots("l", "$HTTP[\"host\"] == \"x\" {\n  server.document-root = \"/vagrant/x/\"\n}\nserver.network-backend = \"writev\"\n"), r => r is { Path: "/vagrant/x", Sendfile: false });
    }

    [Theory]
    [InlineData("*.conf", "a.conf", true)]
    [InlineData("*.conf", ".conf", true)]
    [InlineData("*.conf", "a.conf~", false)]
    [InlineData("site[0-9]", "site7", true)]
    [InlineData("site[!0-9]", "site7", false)]
    [InlineData("[]x]", "]", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("[", "[", true)]
    [InlineData("*", "", true)]
    public void Globs_match_as_fnmatch_does(string pattern, string name, bool matches) =>
        Assert.Equal(matches, Glob.Matches(pattern, name));
}
