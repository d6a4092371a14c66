// Reads /proc/meminfo whole and writes its size: the least a .NET program that answers a question about the host does.
using var file = File.OpenHandle("/proc/meminfo");
var buffer = new byte[16384];
var n = RandomAccess.Read(file, buffer, 0);
Console.Out.Write(n);
Console.Out.Write('\n');
return 0;
