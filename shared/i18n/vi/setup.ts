export const setup = {
  title: 'Chào mừng đến với Kiểm tra KLKCHC',
  intro: 'Trước khi bắt đầu, hãy khai báo cơ quan sử dụng ứng dụng. Có thể sửa lại trong phần Cài đặt.',
  start: 'Bắt đầu sử dụng',
  example: 'Ví dụ',
};
