import Testing

/// Every suite of the desk, one test at a time: each test runs a desk (and many build a batch) in the test
/// process, which the library's suites share and whose memory some of them measure.
@Suite(.serialized) struct DeskTests {}
