import { HttpException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { ProblemDetails } from './problem-details';
import { strictValidationPipe } from './validation';

class Customer {
  @IsString() name!: string;
}

class ComplaintBody {
  @IsString() subject!: string;
  @IsOptional() @ValidateNested() @Type(() => Customer) customer?: Customer;
}

/** What the pipe answers for a JSON request body: the validated instance, or the problem it throws. */
async function answerFor(body: string): Promise<{ status: number; problem?: ProblemDetails }> {
  try {
    await strictValidationPipe().transform(JSON.parse(body), { type: 'body', metatype: ComplaintBody });
    return { status: 200 };
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), problem: error.getResponse() as ProblemDetails };
  }
}

describe('strictValidationPipe', () => {
  it.each([
    [
      'an unknown field holding an object with a "constructor" key',
      '{"subject":"s","extra":{"constructor":"x"}}',
      'extra.constructor',
    ],
    [
      'a "constructor" key inside a typed block',
      '{"subject":"s","customer":{"name":"n","constructor":{}}}',
      'customer.constructor',
    ],
    [
      'a "__proto__" key, which JSON.parse keeps as an own key',
      '{"subject":"s","__proto__":{"admin":true}}',
      '__proto__',
    ],
  ])('refuses %s with a 400 that names the key', async (_what, body, field) => {
    // Given a body a careless or hostile caller sends; when the pipe reads it
    const answer = await answerFor(body);

    // Then it is a validation problem that names the key itself
    expect(answer.status).toBe(400);
    expect(answer.problem?.errors).toEqual([{ field, messages: [`${field} is not an accepted field name`] }]);
  });

  it('still accepts a valid body', async () => {
    expect((await answerFor('{"subject":"s","customer":{"name":"n"}}')).status).toBe(200);
  });
});
