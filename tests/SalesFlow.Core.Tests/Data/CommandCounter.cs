using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesFlow.Core.Tests.Data;

/// <summary>
/// Counts the SQL commands EF Core executes in the creating test's async flow and keeps each one's text and number of
/// parameters (EF's diagnostic events, filtered by an AsyncLocal so tests running in parallel do not count each other's commands).
/// </summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<CommandCounter?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<(string Text, int Parameters)> _commands = [];

    public CommandCounter()
    {
        Current.Value = this;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Commands.Count;

    public IReadOnlyList<(string Text, int Parameters)> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && ReferenceEquals(Current.Value, this))
        {
            if (value.Value is CommandExecutedEventData executed)
            {
                lock (_commands)
                {
                    _commands.Add((executed.Command.CommandText, executed.Command.Parameters.Count));
                }
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        Current.Value = null;
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
