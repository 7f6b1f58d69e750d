namespace SalesFlow.Core.Common;

/// <summary>The outcome of a use case: success, or an expected <see cref="Common.Error"/>.</summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Ok() => new(null);

    public static Result<T> Ok<T>(T value) => new(value, null);

    public static implicit operator Result(Error error) => new(error);
}

/// <summary>A result that carries a value on success.</summary>
public sealed class Result<T> : Result
{
    internal Result(T? value, Error? error)
        : base(error) => Value = value;

    /// <summary>The value; only meaningful when <see cref="Result.IsSuccess"/>.</summary>
    public T? Value { get; }

    public static implicit operator Result<T>(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => new(value, null);
}
