-- Failures and errors on purpose, so that their report is compared too.
describe("reports", function()
  it("fails an equality", function()
    assert.are.same({ list = { 1, 2, 3 }, name = "x" }, { list = { 1, 2, 4 }, name = "x" })
  end)

  it("fails with a message", function()
    assert.is_true(false, "this test fails on purpose")
  end)

  it("raises an error", function()
    local t = nil
    return t.missing
  end)

  it("raises a table", function()
    error({ code = 7 })
  end)

  it("passes among failures", function()
    assert.is_true(true)
  end)

  describe("a failing hook", function()
    before_each(function() error("before_each fails on purpose") end)
    it("never runs", function() end)
  end)
end)
