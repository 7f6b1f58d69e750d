using System.Globalization;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Planning.Reviews;

public static class ReviewErrors
{
    public static readonly Error CommentRequired = Error.Rule("review.commentRequired", "Say why the review goes back: a comment is required when returning it.");

    public static Error Duplicate(string month) =>
        Error.Conflict("review.duplicate", $"There is already a review for {month}.", ("month", month));

    public static Error NotEditable(ReviewStatus status) =>
        Error.Rule("review.notEditable", $"A {status} review cannot be changed; only a draft or a returned review can.", ("reviewStatus", status.ToString()));

    public static Error NotSubmitted(ReviewStatus status) =>
        Error.Rule("review.notSubmitted", $"Only a submitted review can be signed off or returned (it is {status}).", ("reviewStatus", status.ToString()));

    public static Error VarianceReasonRequired(decimal thresholdPercent) =>
        Error.Rule(
            "review.varianceReasonRequired", $"The actual differs from the plan by more than {thresholdPercent.ToString(CultureInfo.InvariantCulture)} %: write the variance reasons.",
            ("threshold", thresholdPercent.ToString(CultureInfo.InvariantCulture)));

    public static Error NotFound(Guid id) => Error.NotFound("MonthlyReview", id);
}
