-- Calling a missing method of a global table (the function names in the traceback
-- come from the calling instruction).
Account = {balance = 0}

function Account.deposit(self, v)
  self.balance = self.balance + v
  self:log("deposit")
end

Account.deposit(Account, 10)
