using CiteWeb.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
Console.OutputEncoding = System.Text.Encoding.UTF8;
return CiteWebApp.Run(args, CliIO.FromConsole(), cancel.Token);
